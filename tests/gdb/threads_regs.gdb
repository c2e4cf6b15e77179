# Named threads and their own registers: at all_ready() the program has
# four threads, the workers named worker-1..3 (pthread_setname_np), and
# `thread N` on each worker shows its own x19 (0x1900 + K).  Then the
# workers read their byte and exit, and `info threads` shows one thread.
a64-connect
break all_ready
run-to run
check-stop breakpoint
python
inf = gdb.selected_inferior()
ths = sorted(inf.threads(), key=lambda t: t.num)
check(len(ths) == 4, "four threads", str([(t.num, t.name) for t in ths]))
names = sorted(t.name or "" for t in ths)
check(names == ["threads_regs", "worker-1", "worker-2", "worker-3"],
      "thread names", str(names))
info = gdb.execute("info threads", to_string=True)
for k in (1, 2, 3):
    check(('"worker-%d"' % k) in info, "info threads shows worker-%d" % k, info)
main = gdb.selected_thread()
check(main.name == "threads_regs" and main.ptid[1] == inf.pid,
      "the breakpoint stop is in the main thread", str(main.ptid))
seen = []
for t in ths:
    if t.name.startswith("worker-"):
        gdb.execute("thread %d" % t.num)
        k = int(t.name[-1])
        x19 = int(gdb.parse_and_eval("$x19"))
        check(x19 == 0x1900 + k, "thread %d (%s): x19 == %#x" % (t.num, t.name, 0x1900 + k),
              "got %#x" % x19)
        check(gdb.selected_thread().num == t.num, "thread %d is selected" % t.num)
        seen.append(k)
check(sorted(seen) == [1, 2, 3], "every worker was looked at", str(seen))
gdb.execute("thread %d" % main.num)
x19 = int(gdb.parse_and_eval("$x19"))
check(x19 not in (0x1901, 0x1902, 0x1903), "the main thread's x19 is its own", "%#x" % x19)
end
break done
run-to continue
check-stop breakpoint
python check(len(gdb.selected_inferior().threads()) == 1, "one thread after the joins", str(gdb.selected_inferior().threads()))
check-eq got[0] 'a'
check-eq got[1] 'b'
check-eq got[2] 'c'
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
