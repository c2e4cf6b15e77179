# A whole GDB session with a stub the host cannot reach directly (on a
# Unix socket, or on [::1], in the guest), through sec_fwd: breakpoint,
# registers, memory, the exit code.  Run by security.py.
a64-connect remote
break sec_mark
run-to continue
check-stop breakpoint
check-eq $x0 0x5ec -- the argument of sec_mark
check-eq *(unsigned int *)$pc != 0 1 -- code memory reads
run-to continue
check-stop exited
check-eq $_exitcode 7
check-done
