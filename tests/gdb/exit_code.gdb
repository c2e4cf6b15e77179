# A program runs to its end: GDB sees the exact exit code, three times in
# one session (exit code 171, exited normally, exit() from a second thread).
a64-connect
run-to run
check-stop exited
check-eq $_exitcode 171
check-output exited with code 0253
run-to run zero
check-stop exited
check-output exited normally
check-eq $_exitcode 0
run-to run thread
check-stop exited
check-eq $_exitcode 3
python check(gdb.selected_inferior().pid == 0, "no process is left", str(gdb.selected_inferior().pid))
check-done
