# Skipping a syscall at its entry stop: `set $syscallno = -1` and
# `set $x0 = V`; the syscall does not run and the program sees V.
#   0 write(pipe, "x", 1)  skipped, result 4242: nothing reaches the pipe
#   1 getppid             skipped, result 77
#   2 getpid              turned into getppid (173), with orig_x7 := V2
#                         written after the number (the x7 write must not
#                         undo the number change)
#   3 write               runs: exactly one byte reaches the pipe
# The return stop of a skipped call is still a return stop of that call.
a64-connect
break step
run-to run
check-stop breakpoint
delete
catch syscall write getppid getpid
check-reg syscallno
check-reg orig_x7

run-to continue
check-stop syscall-entry write
set $syscallno = -1
set $x0 = 4242
maint flush register-cache
check-eq $syscallno -1 -- 0 entry: syscallno reads back -1
check-eq $x0 4242 -- 0 entry: x0 reads back 4242
check-eq $orig_x0 4242 -- 0 entry: orig_x0 follows x0 at an entry stop
check-eq $orig_x7 0x1010101010101010 -- 0 entry: orig_x7 unchanged
run-to continue
check-stop syscall-return write
check-eq $x0 4242 -- 0 return: x0 is the result GDB gave
check-eq $orig_x7 0x1010101010101010 -- 0 return: orig_x7 unchanged

run-to continue
check-stop syscall-entry getppid
set $syscallno = -1
set $x0 = 77
run-to continue
check-stop syscall-return getppid
check-eq $x0 77 -- 1 return: x0 is the result GDB gave

run-to continue
check-stop syscall-entry getpid
set $syscallno = 173
set $orig_x7 = 0x3131313131313131
maint flush register-cache
check-eq $syscallno 173 -- 2 entry: syscallno still 173 after the orig_x7 write
check-eq $orig_x7 0x3131313131313131 -- 2 entry: orig_x7 reads back
run-to continue
check-stop syscall-return getppid
check-eq $orig_x7 0x3131313131313131 -- 2 return: orig_x7 is the value written

run-to continue
check-stop syscall-entry write
run-to continue
check-stop syscall-return write
check-eq $x0 1 -- 3 return: one byte written

delete
break done
run-to continue
check-stop breakpoint
check-eq ret[0] 4242
check-eq ret[1] 77
check-eq ret[2] real_ppid -- getpid turned into getppid returned the parent
check-eq ret[3] 1
check-eq seen[0] 0x1010101010101010
check-eq seen[1] 0x2020202020202020
check-eq seen[2] 0x3131313131313131
check-eq seen[3] 0x4040404040404040
check-eq queued 1 -- only the last write reached the pipe
check-done
