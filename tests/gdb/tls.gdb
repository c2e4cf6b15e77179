# Thread-local variables of a static program (qGetTLSAddr) in the main
# thread and in a worker: each thread's tls_val and tls_name are its own,
# &tls_val is where the thread itself found it, and $tpidr is non-zero,
# distinct per thread and the thread's own tpidr_el0.
a64-connect
break both_set
run-to run
check-stop breakpoint
check-reg tpidr
python
inf = gdb.selected_inferior()
main = gdb.selected_thread()
check(main.ptid[1] == inf.pid, "the stop is in the main thread")
others = [t for t in inf.threads() if t.ptid[1] != inf.pid]
check(len(others) == 1, "one worker thread", str([t.ptid for t in inf.threads()]))
vals = {}
for name, t in (("main", main), ("worker", others[0] if others else None)):
    if t is None:
        continue
    gdb.execute("thread %d" % t.num)
    want = 0x1111 if name == "main" else 0x2222
    try:
        v = int(gdb.parse_and_eval("tls_val"))
        check(v == want, "%s: tls_val == %#x" % (name, want), "%#x" % v)
        check_str("tls_name", ("M" if name == "main" else "W") + "nitial", "%s: tls_name" % name)
        addr = int(gdb.parse_and_eval("(long)&tls_val"))
        check(addr == int(gdb.parse_and_eval("%s_addr" % name)), "%s: &tls_val is the thread's own" % name, "%#x" % addr)
    except gdb.error as e:
        check(False, "%s: tls_val readable" % name, str(e))
    tpv = int(gdb.parse_and_eval("$tpidr")) & ((1 << 64) - 1)
    check(tpv != 0, "%s: $tpidr is not zero" % name)
    check(tpv == int(gdb.parse_and_eval("%s_tp" % name)), "%s: $tpidr is the thread's tpidr_el0" % name, "%#x" % tpv)
    vals[name] = tpv
check(len(set(vals.values())) == 2, "$tpidr differs between the threads", str(vals))
main.switch()
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
