# The return stop of write(77, buf, 13) issued with x7 = 0x7777777777777777:
# labelled a return; x7 is the 1 marker; orig_x7 is still the real x7;
# orig_x0 is the first argument at entry while x0 holds the result, 13.
a64-connect
break issue
run-to run
check-stop breakpoint
catch syscall write
run-to continue
check-stop syscall-entry write
run-to continue
check-stop syscall-return write
check-reg orig_x0
check-reg orig_x7
check-reg syscallno
python check(gdb.selected_frame().name() == 'issue', 'stopped in issue()', str(gdb.selected_frame().name()))
check-eq $x7 1
check-eq $orig_x7 0x7777777777777777
check-eq $orig_x0 77
check-eq $x0 13
check-eq $x1 &msg
check-eq $x2 13
check-eq $x8 64
check-eq $syscallno 64
maint flush register-cache
check-eq $x7 1 -- x7 still 1 after a cache flush
check-eq $orig_x7 0x7777777777777777 -- orig_x7 still the magic after a cache flush
check-eq $orig_x0 77 -- orig_x0 still 77 after a cache flush
check-eq $x0 13 -- x0 still 13 after a cache flush
delete
break done
run-to continue
check-stop breakpoint
check-eq result 13
check-eq x7_after 0x7777777777777777
check-done
