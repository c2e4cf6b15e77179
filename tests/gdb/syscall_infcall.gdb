# An inferior call at a syscall-entry stop and at the return stop of an
# interrupted read() leaves the syscall intact: the write runs once with
# its own arguments, the read restarts (x0 from orig_x0, pc back to the
# svc) and reads what the SIGALRM handler wrote.
a64-connect
break main
run-to run
check-reg orig_x0
check-reg orig_x7
check-reg syscallno
delete
catch syscall write
run-to continue
check-stop syscall-entry write
check-eq $orig_x0 pipe_b[1]
check-eq $x2 3
python entry_pc = int(gdb.parse_and_eval("$pc"))
print helper(41)
check-eq $ 42 -- helper() called at the entry stop returns 42
check-eq calls 1
python check(int(gdb.parse_and_eval("$pc")) == entry_pc, "pc back at the entry stop's")
check-eq $x0 pipe_b[1] -- x0 restored to the write's fd
check-eq $syscallno 64
run-to continue
check-stop syscall-return write
check-eq $x0 3 -- the write ran with its own arguments
delete
catch syscall read
run-to continue
check-stop syscall-entry read
run-to continue
check-stop syscall-return read
check-eq $x0 -512 -- the read was interrupted (ERESTARTSYS)
check-eq $orig_x0 pipe_a[0]
print helper(1)
check-eq $ 2 -- helper() called at the return stop returns 2
check-eq calls 2
check-eq $x0 -512 -- x0 restored
delete
break done
run-to continue
check-stop breakpoint
check-eq nwritten 3 -- the write happened once
check-eq nb 3 -- pipe B holds exactly the 3 bytes written
check-eq nread 5 -- the read restarted and read the handler's bytes
check-eq alarms 1
check-eq calls 2
check-done
