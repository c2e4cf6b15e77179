# A program killed by a signal: GDB first stops at the signal where it
# stops by default (SIGABRT, SIGSEGV at the faulting store, SIGTERM), then
# continuing delivers it and GDB sees "terminated with signal", with
# $_exitsignal exact and $_exitcode void.  SIGKILL cannot be stopped at.
a64-connect
run-to run abort
check-stop signal SIGABRT
run-to continue
check-stop killed SIGABRT
check-eq $_exitsignal 6
check-eq $_isvoid($_exitcode) 1 -- no exit code after a signal death
run-to run segv
check-stop signal SIGSEGV
python check(frame_names()[:2] == ["crash", "main"], "SIGSEGV stops in crash", str(frame_names()))
python check_line("L:crash")
run-to continue
check-stop killed SIGSEGV
check-eq $_exitsignal 11
run-to run kill
check-stop killed SIGKILL
check-eq $_exitsignal 9
run-to run term
check-stop signal SIGTERM
run-to continue
check-stop killed SIGTERM
check-eq $_exitsignal 15
check-output Program terminated with signal SIGTERM, Terminated.
python check(gdb.selected_inferior().pid == 0, "no process is left", str(gdb.selected_inferior().pid))
check-done
