# Workload 3: `stepi N` in a loop with no calls and no syscalls.
bench-connect
bench-args spin
break *bench_spin
run
bench-start
python gdb.execute("stepi %d" % PARAMS["N"])
bench-stop
bench-end
