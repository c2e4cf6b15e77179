# The entry stop of write(77, buf, 13) issued with x7 = 0x7777777777777777:
# labelled an entry; x7 is the 0 marker; orig_x7 is the real x7; orig_x0
# and x0 are the first argument; x8 and syscallno are 64.  The program then
# sees its own x7 and a 13-byte write.
a64-connect
break issue
run-to run
check-stop breakpoint
catch syscall write
run-to continue
check-stop syscall-entry write
check-reg orig_x0
check-reg orig_x7
check-reg syscallno
python check(gdb.selected_frame().name() == 'issue', 'stopped in issue()', str(gdb.selected_frame().name()))
check-eq $x7 0
check-eq $orig_x7 0x7777777777777777
check-eq $orig_x0 77
check-eq $x0 77
check-eq $x1 &msg
check-eq $x2 13
check-eq $x8 64
check-eq $syscallno 64
# Reading the registers again gives the same answers.
maint flush register-cache
check-eq $x7 0 -- x7 still 0 after a cache flush
check-eq $orig_x7 0x7777777777777777 -- orig_x7 still the magic after a cache flush
check-eq $orig_x0 77 -- orig_x0 still 77 after a cache flush
delete
break done
run-to continue
check-stop breakpoint
check-eq result 13
check-eq x7_after 0x7777777777777777
check-done
