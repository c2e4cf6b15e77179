# Workload 6: from `target extended-remote` to the first stop after `run`
# (a breakpoint at main, set before connecting).
bench-args bp 1
break main
bench-start
bench-connect
run
bench-stop hits=1
bench-end
