# qXfer:siginfo:write: at a signal stop, `set $_siginfo.si_errno = 77`;
# the handler then gets the signal with si_errno 77 and the rest of the
# siginfo unchanged (SI_TKILL from raise()).
a64-connect
break handled
run-to run
check-stop signal SIGUSR1
check-eq $_siginfo.si_signo 10
check-eq $_siginfo.si_errno 0 -- si_errno as raise() sent it
set $_siginfo.si_errno = 77
check-eq $_siginfo.si_errno 77 -- the stub reads back what GDB wrote
run-to continue
check-stop breakpoint
check-eq seen_errno 77 -- the handler saw the written si_errno
check-eq seen_signo 10
check-eq seen_code -6 -- SI_TKILL, unchanged
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
