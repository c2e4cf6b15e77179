# GDB's interrupt (^C) stops a program blocked in read() with SIGINT, in
# its one thread, inside read; a plain continue restarts the read, a second
# interrupt stops it again, and continuing with SIGUSR1 ends the read with
# EINTR.  An interrupt also stops the program in a busy loop.
a64-connect
catch syscall read
run-to run
check-stop syscall-entry read
delete
run-interrupted continue
check-stop signal SIGINT
python check(gdb.selected_thread().ptid[1] == int(gdb.parse_and_eval("my_pid")), "the stop is in the program's thread", str(gdb.selected_thread().ptid))
python check(gdb.newest_frame().name() == "read", "frame 0 is read", str(frame_names()))
python check(frame_names()[-1] == "main", "bt ends in main", str(frame_names()))
check-eq rd_ret 99 -- read has not returned
run-interrupted continue
check-stop signal SIGINT
python check(gdb.newest_frame().name() == "read", "still in read after a second interrupt", str(frame_names()))
check-eq usr1_count 0 -- SIGINT was not passed to the program
break done
run-to signal SIGUSR1
check-stop breakpoint
check-eq usr1_count 1
check-eq rd_ret -1
check-eq rd_errno 4 -- EINTR
delete
python gdb.Breakpoint("%s:%d" % (gdb.lookup_global_symbol("main").symtab.filename, src_line("L:spin")))
run-to continue
check-stop breakpoint
delete
run-interrupted continue
check-stop signal SIGINT
python check(frame_names() == ["main"], "the busy loop stopped in main", str(frame_names()))
python check_line("L:spin")
set var stop_spin = 1
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
