# `handle SIGUSR1 nostop noprint pass`: the 5 + 3 SIGUSR1 the program
# sends itself (main thread, then a worker) all reach its handler and GDB
# never stops for them; with `handle SIGUSR1 stop print` again, the next
# run stops at the first one.
a64-connect
handle SIGUSR1 nostop noprint pass
break done
run-to run
check-stop breakpoint
python check("SIGUSR1" not in _last_stop, "GDB did not hear of SIGUSR1", _last_stop[-300:])
check-eq main_count 5
check-eq worker_count 3
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
handle SIGUSR1 stop print pass
run-to run
check-stop signal SIGUSR1
check-eq main_count 0 -- stopped before the handler ran
check-eq $_siginfo.si_signo 10
check-eq $_siginfo.si_code 0 -- SI_USER (kill)
check-eq $_siginfo._sifields._kill.si_pid main_tid
handle SIGUSR1 nostop noprint pass
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
