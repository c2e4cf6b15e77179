# A read() that is in progress when `catch syscall read` is set: the first
# stop after the catch is set must be labelled as the kernel says: the
# interrupted read restarts, so an entry, with the read's own arguments and
# x7.  Part 1 interrupts it by stopping every thread at a breakpoint in a
# second thread once /proc shows the main thread asleep in read; part 2
# by GDB's interrupt, then continues with SIGALRM, whose handler writes
# into the pipe before the read restarts.
a64-connect
break main_blocked
run-to run
check-stop breakpoint
python check(gdb.selected_thread().num == 2, "part 1: stopped in the helper thread", str(gdb.selected_thread().num))
delete
catch syscall read
check-reg orig_x7
check-reg orig_x0
run-to continue
check-stop syscall-entry read
python check(gdb.selected_thread().ptid[1] == int(gdb.parse_and_eval("main_tid")), "part 1: the stop is in the main thread", str(gdb.selected_thread().ptid))
check-eq $x0 fd_a -- part 1 entry: x0 = pipe A
check-eq $orig_x0 fd_a -- part 1 entry: orig_x0 = pipe A
check-eq $x7 0 -- part 1 entry: x7 = 0
check-eq $orig_x7 0x0a0a0a0a0a0a0a0a -- part 1 entry: orig_x7 = MAGIC_A
check-eq $x2 63 -- part 1 entry: x2 = 63
run-to continue
check-stop syscall-return read
check-eq $x0 8 -- part 1 return: 8 bytes read
check-eq $orig_x7 0x0a0a0a0a0a0a0a0a -- part 1 return: orig_x7 = MAGIC_A
check-eq $orig_x0 fd_a -- part 1 return: orig_x0 = pipe A
delete

break blocked_read_c
run-to continue
check-stop breakpoint
check-eq ret_a 8
check-eq x7_a 0x0a0a0a0a0a0a0a0a
python check_str("buf_a", "hello A\n")
delete
run-interrupted continue
check-stop signal SIGINT
catch syscall read
run-to signal SIGALRM
check-stop syscall-entry read
check-eq alarms 1 -- part 2: the handler ran first
check-eq $x0 fd_c -- part 2 entry: x0 = pipe C
check-eq $orig_x0 fd_c -- part 2 entry: orig_x0 = pipe C
check-eq $orig_x7 0x0c0c0c0c0c0c0c0c -- part 2 entry: orig_x7 = MAGIC_C
run-to continue
check-stop syscall-return read
check-eq $x0 13 -- part 2 return: 13 bytes read
check-eq $orig_x7 0x0c0c0c0c0c0c0c0c -- part 2 return: orig_x7 = MAGIC_C
delete
break done
run-to continue
check-stop breakpoint
check-eq ret_c 13
check-eq x7_c 0x0c0c0c0c0c0c0c0c
python check_str("buf_c", "hello from C\n")
check-done
