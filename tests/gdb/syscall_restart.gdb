# orig_x0 at the return stop of an interrupted read(): x0 = -ERESTARTSYS
# (-512), orig_x0 = the fd of pipe A; `set $orig_x0 = 50` (pipe B, which
# holds data) makes the restarted read (SA_RESTART handler) read pipe B.
# SIGALRM is nostop/noprint/pass in GDB by default.
a64-connect
break blocked_read
run-to run
check-stop breakpoint
delete
catch syscall read
run-to continue
check-stop syscall-entry read
check-reg orig_x0
check-eq $x0 fd_a -- entry: x0 is pipe A
check-eq $orig_x0 fd_a -- entry: orig_x0 is pipe A
run-to continue
check-stop syscall-return read
check-eq $x0 -512 -- return: x0 is -ERESTARTSYS
check-eq $orig_x0 fd_a -- return: orig_x0 is still pipe A
set $orig_x0 = 50
maint flush register-cache
check-eq $orig_x0 50 -- return: orig_x0 reads back 50
check-eq $x0 -512 -- return: x0 is still -ERESTARTSYS
run-to continue
check-stop syscall-entry read
check-eq alarms 1 -- the handler ran before the restart
check-eq $x0 50 -- restarted read: x0 is the new orig_x0
check-eq $orig_x0 50 -- restarted read: orig_x0 is 50
check-eq $x2 63 -- restarted read: x2 unchanged
run-to continue
check-stop syscall-return read
check-eq $x0 12 -- restarted read returns 12 bytes
delete
break done
run-to continue
check-stop breakpoint
check-eq nread 12
python check(gdb.parse_and_eval("buf").string() == "from pipe B\n", "buf holds pipe B's data", repr(gdb.parse_and_eval("buf").string()))
check-eq alarms 1
check-done
