# $_siginfo (qXfer:siginfo:read) at signal stops: SIGUSR1 from tgkill
# (si_code SI_TKILL, si_pid), then SIGSEGV from a write to a PROT_NONE
# page (si_code SEGV_ACCERR, si_addr the faulting address), after which
# the program dies of it.
a64-connect
run-to run
check-stop signal SIGUSR1
check-eq $_siginfo.si_signo 10
check-eq $_siginfo.si_code -6 -- SI_TKILL
check-eq $_siginfo._sifields._kill.si_pid my_pid
run-to continue
check-stop killed SIGUSR1
check-eq $_exitsignal 10
handle SIGUSR1 nostop noprint nopass
run-to run
check-stop signal SIGSEGV
python check_line("L:fault")
check-eq $_siginfo.si_signo 11
check-eq $_siginfo.si_code 2 -- SEGV_ACCERR
check-eq $_siginfo._sifields._sigfault.si_addr fault_addr -- si_addr is the faulting address
check-eq $_siginfo._sifields._sigfault.si_addr (long)fault_addr
python check(int(gdb.parse_and_eval("(long)fault_addr")) & 0xfff == 0x18, "fault_addr is page + 0x18")
run-to continue
check-stop killed SIGSEGV
check-eq $_exitsignal 11
check-done
