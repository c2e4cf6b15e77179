# orig_x7 and the labels across an execve: the entry stop shows the old
# image's x7 (EMAGIC), the return stop is labelled a return of execve and
# shows the new image's registers: x0 = 0, pc at _start, orig_x7 = 0 and
# orig_x0 = 0 (the kernel clears pt_regs for the new image).  The new
# image's first write shows its own x7 (CMAGIC).
a64-connect
break main
run-to run
check-stop breakpoint
delete
catch syscall execve write
check-reg orig_x7
check-reg orig_x0
run-to continue
check-stop syscall-entry execve
check-eq $x7 0 -- entry: x7 = 0
check-eq $orig_x7 0x0e0e0e0e0e0e0e0e -- entry: orig_x7 = EMAGIC
check-eq $orig_x0 $x0 -- entry: orig_x0 = x0
check-eq $x8 221 -- entry: x8 = 221
check-eq $syscallno 221 -- entry: syscallno = 221
run-to continue
check-stop syscall-return execve
check-eq $x0 0 -- return: x0 = 0
check-eq $x7 1 -- return: x7 = 1
check-eq $orig_x7 0 -- return: orig_x7 = the new image's x7
check-eq $orig_x0 0 -- return: orig_x0 cleared with the old image's registers
check-eq $pc (long)&_start -- return: pc at the new image's _start
check-eq $syscallno 221 -- return: syscallno still 221 (the kernel keeps it across exec)
run-to continue
check-stop syscall-entry write
check-eq $orig_x7 0x0c0c0c0c0c0c0c0c -- new image's write entry: orig_x7 = CMAGIC
check-eq is_child 1 -- the new image runs
run-to continue
check-stop syscall-return write
check-eq $orig_x7 0x0c0c0c0c0c0c0c0c -- new image's write return: orig_x7 = CMAGIC
check-eq $x0 1
delete
break done
run-to continue
check-stop breakpoint
check-eq write_ret 1
check-eq last_x7 0x0c0c0c0c0c0c0c0c
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
