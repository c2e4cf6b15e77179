# Workload 5: run to exit, no breakpoints or catches, a program doing
# SYSCALLS getppid() calls (bench.py compares it with the untraced run).
bench-connect
bench-args getppid SYSCALLS
bench-start
run
bench-stop exit=0
bench-end
