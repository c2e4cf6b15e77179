# attach to a process nobody traces (a launcher's fork child, which GDB
# let go), blocked in read(42) with two more threads: GDB sees its three
# threads; the main thread's orig_x0 is 42; after `catch syscall read`
# the first stop is the read's entry (its restart) with x0 = orig_x0 = 42,
# then its return with the byte the launcher wrote.  After `detach` the
# process finishes its work: the launcher, which reaps it, records exit
# code 72, and a checker run finds that record.
a64-connect
break ready
run-to run
check-stop breakpoint
python
launcher = gdb.selected_inferior().pid
target = int(gdb.parse_and_eval("pid"))
check(target > 0 and target != launcher, "the launcher forked the target", "%d" % target)
check(len(gdb.inferiors()) == 1, "GDB did not keep the fork child", str(gdb.inferiors()))
gdb.execute("set $launcher = %d" % launcher)
gdb.execute("set $target = %d" % target)
end
delete
detach
python
new_output()
gdb.execute("attach %d" % int(gdb.parse_and_eval("$target")))
inf = gdb.selected_inferior()
check(inf.pid == int(gdb.parse_and_eval("$target")), "attached to the target", str(inf.pid))
ths = inf.threads()
check(len(ths) == 3, "all three threads attached", str([t.ptid for t in ths]))
info = gdb.execute("info threads", to_string=True)
check(len([l for l in info.splitlines() if "Thread " in l]) == 3, "info threads lists three", info)
main = [t for t in ths if t.ptid[1] == inf.pid]
check(len(main) == 1, "the main thread is among them")
if main:
    main[0].switch()
    check(frame_names()[0] == "read" and "target" in frame_names(), "the main thread is in read, from target()", str(frame_names()))
end
check-reg orig_x0
check-eq $orig_x0 42 -- attached while blocked: orig_x0 is the fd being read
check-eq $x0 42 -- ... and x0 holds it for the restart
catch syscall read
run-to continue
check-stop syscall-entry read
python check(gdb.selected_thread().ptid[1] == gdb.selected_inferior().pid, "the read's entry stop is in the main thread", str(gdb.selected_thread().ptid))
check-eq $x0 42 -- restarted read: x0
check-eq $orig_x0 42 -- restarted read: orig_x0
check-eq $x2 1
run-to continue
check-stop syscall-return read
check-eq $x0 1 -- the read returns the launcher's byte
check-eq $orig_x0 42
delete
detach
python check(gdb.selected_inferior().pid == 0, "no process after detach", str(gdb.selected_inferior().pid))
break checked
python run_to("run check %d" % int(gdb.parse_and_eval("$launcher")))
check-stop breakpoint
check-eq wait_result 0 -- the launcher ended
python check_str("seen", "child 72 pid %d" % int(gdb.parse_and_eval("$target")), "the detached target finished its work (72)")
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
