# Thread creation and exit while GDB steps (`next` over pthread_create and
# pthread_join: the thread count goes 1, 2, 1) and while the program runs
# (200 threads created and joined while the main thread stops 10 times at
# tick(): each stop is in the main thread, every listed thread's registers
# can be read, and the program's own count is exact).
a64-connect
python gdb.Breakpoint("%s:%d" % (gdb.lookup_global_symbol("main").symtab.filename, src_line("L:create")))
run-to run
check-stop breakpoint
python check(len(gdb.selected_inferior().threads()) == 1, "one thread before pthread_create", str(len(gdb.selected_inferior().threads())))
next
python check_line("L:write", "next over pthread_create")
python
ths = gdb.selected_inferior().threads()
check(len(ths) == 2, "two threads after pthread_create", str([t.name for t in ths]))
check(gdb.selected_thread().ptid[1] == gdb.selected_inferior().pid, "still in the main thread")
end
next
next
python check_line("L:after_join", "next over pthread_join")
python check(len(gdb.selected_inferior().threads()) == 1, "one thread after pthread_join", str([t.name for t in gdb.selected_inferior().threads()]))
check-eq child_got 'x' -- the child read the byte
delete
break tick
python
bad = []
pid = gdb.selected_inferior().pid
for i in range(10):
    kind, _ = run_to("continue")
    if kind != "breakpoint":
        bad.append("stop %d: %s" % (i, kind))
        break
    if gdb.selected_thread().ptid[1] != pid:
        bad.append("stop %d in thread %s" % (i, gdb.selected_thread().ptid))
    if int(gdb.parse_and_eval("i")) != i:
        bad.append("stop %d: i = %d" % (i, int(gdb.parse_and_eval("i"))))
    cur = gdb.selected_thread()
    for t in gdb.selected_inferior().threads():
        t.switch()
        try:
            int(gdb.parse_and_eval("$pc"))
        except gdb.error as e:
            bad.append("stop %d: thread %s: %s" % (i, t.ptid, e))
    cur.switch()
check(not bad, "10 stops at tick(), in the main thread, every thread readable", "; ".join(bad[:5]))
end
delete
break done
run-to continue
check-stop breakpoint
check-eq churned 200
check-eq spawner_done 1
python check(len(gdb.selected_inferior().threads()) == 1, "one thread at the end", str(len(gdb.selected_inferior().threads())))
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
