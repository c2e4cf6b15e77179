# `catch syscall getppid` while only a worker thread makes that call: the
# entry and return stops are reported in the worker (its tid and name),
# with orig_x0 = 0x1234 (the first argument) and orig_x7 = the worker's
# real x7; x7 shows the kernel's markers 0 and 1.
a64-connect
catch syscall getppid
run-to run
check-stop syscall-entry getppid
python
t = gdb.selected_thread()
check(t.ptid[1] == int(gdb.parse_and_eval("worker_tid")), "entry stop is in the worker thread",
      "%s vs %d" % (t.ptid, int(gdb.parse_and_eval("worker_tid"))))
check(t.ptid[1] != gdb.selected_inferior().pid, "entry stop is not in the main thread", str(t.ptid))
check(t.name == "sc-worker", "entry stop thread is sc-worker", str(t.name))
end
check-reg orig_x0
check-eq $orig_x0 0x1234 -- entry: orig_x0
check-eq $x0 0x1234 -- entry: x0
check-eq $orig_x7 0x7171717171717171 -- entry: orig_x7 is the real x7
check-eq $x7 0 -- entry: x7 is the marker
check-eq $syscallno 173
run-to continue
check-stop syscall-return getppid
python check(gdb.selected_thread().ptid[1] == int(gdb.parse_and_eval("worker_tid")), "return stop is in the worker thread", str(gdb.selected_thread().ptid))
check-eq $orig_x0 0x1234 -- return: orig_x0
check-eq $orig_x7 0x7171717171717171 -- return: orig_x7
check-eq $x7 1 -- return: x7 is the marker
python
ret = int(gdb.parse_and_eval("$x0"))
gdb.execute("set $ret = %d" % ret)
end
python
# The main thread, meanwhile, is elsewhere, with its own x0.
main = [th for th in gdb.selected_inferior().threads() if th.ptid[1] == gdb.selected_inferior().pid]
check(len(main) == 1, "the main thread is listed", str([th.ptid for th in gdb.selected_inferior().threads()]))
end
delete
break done
run-to continue
check-stop breakpoint
check-eq ppid_ret $ret -- the program got the x0 GDB saw at the return
check-eq x7_after 0x7171717171717171
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
