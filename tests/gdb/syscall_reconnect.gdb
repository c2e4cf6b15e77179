# A client that leaves at a syscall entry stop: the next client finds the
# program where it was (a plain SIGTRAP stop, not an event to let go of),
# with the same syscall registers, and `catch syscall` then stops at the
# return of that same write(77, buf, 13).
a64-connect
break issue
run-to run
check-stop breakpoint
catch syscall write
run-to continue
check-stop syscall-entry write
set $pc0 = $pc
disconnect
delete
a64-connect
check-eq $pc $pc0 -- the program did not move
check-eq $x7 0 -- x7 shows the entry marker
check-eq $orig_x7 0x7777777777777777
check-eq $orig_x0 77
check-eq $syscallno 64
catch syscall write
run-to continue
check-stop syscall-return write
check-eq $x0 13
check-eq $orig_x7 0x7777777777777777 -- orig_x7 at the return
delete
break done
run-to continue
check-stop breakpoint
check-eq result 13
check-eq x7_after 0x7777777777777777
check-done
