# Workload 2: a breakpoint with commands silent/continue, hit N times.
bench-connect
bench-args bp N
break main
run
break bench_hit
commands
silent
continue
end
bench-start
continue
bench-stop hits=N exit=0
bench-end
