# `set follow-fork-mode child`: GDB follows the child (a second inferior)
# to its breakpoint in child_part(), where getpid() is not the parent's;
# the parent is detached and runs on; the child exits with 33.
a64-connect
set follow-fork-mode child
break main
run-to run
check-stop breakpoint
python gdb.execute("set $parent = %d" % gdb.selected_inferior().pid)
delete
break child_part
run-to continue
check-stop breakpoint
python
inf = gdb.selected_inferior()
check(inf.pid != int(gdb.parse_and_eval("$parent")) and inf.pid > 0, "GDB follows a new process", "%d" % inf.pid)
check(gdb.selected_frame().name() == "child_part" and frame_names()[-1] == "main", "in child_part, called from main", str(frame_names()))
end
next
python check(int(gdb.parse_and_eval("my_pid")) == gdb.selected_inferior().pid, "the child's getpid() is the followed pid", str(gdb.parse_and_eval("my_pid")))
check-eq child_pid 0 -- the child's copy never set child_pid
delete
run-to continue
check-stop exited
check-eq $_exitcode 33
check-done
