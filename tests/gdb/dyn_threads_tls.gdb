# A dynamic PIE program: `p (int) errno` (a TLS variable of libc.so.6,
# through qGetTLSAddr with libc's link_map) in the main thread and in a
# second thread; the thread list's handle= is each thread's pthread_t and
# core= a CPU of the guest; and no 'Required attribute "lmid"' warning
# in the whole session (lmid= in the SVR4 library list).
a64-connect
break both_set
run-to run
check-stop breakpoint
python
inf = gdb.selected_inferior()
main = gdb.selected_thread()
others = [t for t in inf.threads() if t.ptid[1] != inf.pid]
check(len(others) == 1, "one worker thread", str([t.ptid for t in inf.threads()]))
for name, t, want in (("main", main, 42), ("worker", others[0] if others else None, 43)):
    if t is None:
        continue
    t.switch()
    try:
        v = int(gdb.parse_and_eval("(int) errno"))
        check(v == want, "%s: (int) errno == %d" % (name, want), "got %d" % v)
    except gdb.error as e:
        check(False, "%s: (int) errno readable" % name, str(e))
    try:
        h = int.from_bytes(t.handle(), "little")
        self_ = int(gdb.parse_and_eval("%s_self" % name))
        check(h == self_, "%s: handle is its pthread_self()" % name, "%#x vs %#x" % (h, self_))
    except Exception as e:
        check(False, "%s: thread handle" % name, str(e))
main.switch()
mi = gdb.execute('interpreter-exec mi "-thread-info"', to_string=True)
import re
cores = re.findall(r'core="(\d+)"', mi)
check(len(cores) == 2 and all(0 <= int(c) < 64 for c in cores),
      "both threads have a core", mi[-300:])
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
python
import os
errpath = os.readlink("/proc/self/fd/2")
with open(errpath, "rb") as f:
    err = f.read().decode("utf-8", "replace")
check('Required attribute "lmid"' not in err, "no lmid warning in the session",
      err[err.find("lmid") - 100:][:300] if "lmid" in err else "")
end
check-done
