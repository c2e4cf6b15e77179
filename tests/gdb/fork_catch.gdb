# `catch fork`: GDB stops in the parent right after fork with the child's
# exact pid; the child (detached, detach-on-fork is on) runs to its exit
# and the parent, continuing, sees its exit code 33.
a64-connect
catch fork
run-to run
python
import re
m = re.search(r"Catchpoint 1 \(forked process (\d+)\)", _last_stop)
check(m is not None, "stop is the fork catchpoint", _last_stop[-300:])
gdb.execute("set $forked = %d" % (int(m.group(1)) if m else -1))
check(gdb.selected_thread().ptid[0] == int(gdb.parse_and_eval("my_pid")), "the stop is in the parent", str(gdb.selected_thread().ptid))
end
python check(len(gdb.inferiors()) == 1, "only the parent is debugged", str(gdb.inferiors()))
delete
break parent_part
run-to continue
check-stop breakpoint
check-eq pid $forked -- fork returned the pid the catchpoint said
check-eq child_pid $forked
break parent_done
run-to continue
check-stop breakpoint
check-eq child_status 33 -- the detached child ran to its end
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
