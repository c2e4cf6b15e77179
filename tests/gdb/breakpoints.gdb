# A breakpoint in bump() is hit once per call with the right argument, its
# hit count is 5, and the program then runs to exit with code 15.
a64-connect
break bump
run-to run
check-stop breakpoint
check-eq v 1
run-to continue
check-eq v 2
run-to continue
run-to continue
run-to continue
check-eq v 5
check-eq counter 10
python check(gdb.breakpoints()[0].hit_count == 5, "hit count is 5", str(gdb.breakpoints()[0].hit_count))
delete
run-to continue
check-stop exited
check-eq $_exitcode 15
check-done
