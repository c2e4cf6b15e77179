# Workload 4: `dump binary memory` of MIB MiB of the program's heap to a
# host file (checked byte for byte afterwards, outside the clock).
bench-connect
bench-args heap MIB
break *bench_ready
run
bench-start
bench-dump
bench-stop dump=MIB
bench-end
