# Workload 1: `catch syscall getppid` with commands silent/continue over
# N getppid() calls (2N reported stops: entry and return).
bench-connect
bench-args getppid N
break main
run
catch syscall getppid
commands
silent
continue
end
bench-start
continue
bench-stop hits=2*N exit=0
bench-end
