# kill at a breakpoint ends the program (GDB shows no process and no
# threads), and run then starts it again in the same session; that second
# run finds the first process gone, not left as a zombie.
a64-connect
break stopped
run-to run
check-stop breakpoint
set $first = my_pid
python check(gdb.selected_inferior().pid == int(gdb.parse_and_eval("$first")), "GDB knows the program's pid", str(gdb.selected_inferior().pid))
kill
python check(gdb.selected_inferior().pid == 0, "no process after kill", str(gdb.selected_inferior().pid))
python check(len(gdb.selected_inferior().threads()) == 0, "no threads after kill")
python
out = gdb.execute("info inferiors", to_string=True)
check("<null>" in out, "info inferiors shows no process", out)
end
run-to run
check-stop breakpoint
python check(int(gdb.parse_and_eval("my_pid")) != int(gdb.parse_and_eval("$first")), "the second run is a new process")
set var old_pid = $first
delete
run-to continue
check-stop exited
check-eq $_exitcode 33 -- the killed process is gone
check-done
