# Workload 7: every syscall of a TRACE_SYSCALLS getppid() run stops in the
# server (a catch filter is set), but the filter matches none of them
# (acct is never called), so GDB hears of none: the server's own stop
# handling, against the bare tracer's (bench/tracer.c).
bench-connect
bench-args getppid TRACE_SYSCALLS
catch syscall acct
bench-start
run
bench-stop hits=0 exit=0
bench-end
