# execve from a non-leader thread: GDB sees the exec, the process keeps its
# pid with one thread (the old leader's id), and the new image runs to its
# exit code.
a64-connect
break main
run-to run
python pid = gdb.selected_inferior().pid
delete
catch exec
run-to continue
check-output process
python check(gdb.selected_inferior().pid == pid, "the pid is unchanged", str(gdb.selected_inferior().pid))
python ts = gdb.selected_inferior().threads()
python check(len(ts) == 1, "one thread after the exec", str(len(ts)))
python check(ts[0].ptid[1] == pid, "its id is the process id", str(ts[0].ptid))
python check("exec" in _last_stop, "GDB reported the exec", _last_stop[-300:])
run-to continue
check-stop exited
check-eq $_exitcode 44
check-done
