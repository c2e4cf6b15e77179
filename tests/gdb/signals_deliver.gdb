# GDB delivering signals: `signal SIGUSR2` runs the handler once (C with
# a signal); `queue-signal SIGUSR2` + `stepi` stops at the handler's first
# instruction, with the signal frame between it and here2(); `queue-signal`
# + `step` stops at the handler's first line.
a64-connect
break here
run-to run
check-stop breakpoint
delete
break here2
run-to signal SIGUSR2
check-stop breakpoint
python check(gdb.selected_frame().name() == "here2", "stopped in here2", str(frame_names()))
check-eq usr2_count 1 -- signal SIGUSR2 ran the handler
check-eq last_sig 12
check-eq last_code 0 -- SI_USER: GDB's signal is sent as if by kill
delete
queue-signal SIGUSR2
run-to stepi
check-eq $pc (long)on_usr2 -- stepi with a queued signal: first instruction of the handler
python
names = frame_names()
bt = gdb.execute("bt", to_string=True)
check(names[0] == "on_usr2", "frame 0 is the handler", str(names))
check("<signal handler called>" in bt, "bt shows the signal frame", bt)
check(names[2:] == ["here2", "main"], "bt goes on through here2() to main", str(names))
end
check-eq usr2_count 1 -- the handler has not run yet
check-eq $x0 12 -- the handler's first argument is SIGUSR2
break here3
run-to continue
check-stop breakpoint
python check(gdb.selected_frame().name() == "here3", "stopped in here3", str(frame_names()))
check-eq usr2_count 2 -- the stepped-into handler ran once
delete
queue-signal SIGUSR2
run-to step
python check(gdb.selected_frame().name() == "on_usr2", "step with a queued signal stops in the handler", str(frame_names()))
python check_line("L:handler_entry", "at the handler's first line")
check-eq usr2_count 2
next
next
check-eq usr2_count 3 -- stepping through the handler's body
run-to continue
check-stop exited
check-eq $_exitcode 3
check-done
