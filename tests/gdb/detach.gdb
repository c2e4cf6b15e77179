# detach at a breakpoint: the program runs on by itself (past a second hit
# of the removed breakpoint) and writes a file, which a second run of the
# program in the same session finds once the first has ended.
a64-connect
break mark
run-to run
check-stop breakpoint
set $first = my_pid
set var token = 4242
detach
python check(gdb.selected_inferior().pid == 0, "no process after detach", str(gdb.selected_inferior().pid))
python check("[Inferior 1 (process %d) detached]" % int(gdb.parse_and_eval("$first")) in new_output(), "GDB says it detached")
delete
break checked
python run_to("run check %d" % int(gdb.parse_and_eval("$first")))
check-stop breakpoint
check-eq wait_result 0 -- the detached program ended
python check_str("seen", "done %d 4242 marks 2" % int(gdb.parse_and_eval("$first")), "the detached program finished its work")
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
