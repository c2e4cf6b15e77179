# A client that leaves at a fork catchpoint: the next client gets a stop it
# can parse (a plain SIGTRAP, no fork event it never asked about), in the
# parent, sees the child as a process of its own, and runs both to their
# ends: the child's exit code 33 first (the parent waits for it), then the
# parent's.
a64-connect
catch fork
run-to run
python
import re
m = re.search(r"Catchpoint 1 \(forked process (\d+)\)", _last_stop)
check(m is not None, "stop is the fork catchpoint", _last_stop[-300:])
gdb.execute("set $forked = %d" % (int(m.group(1)) if m else -1))
gdb.execute("set $parent = %d" % gdb.selected_inferior().pid)
end
disconnect
delete
a64-connect
python
th = gdb.selected_thread()
check(th is not None and th.ptid[0] == int(gdb.parse_and_eval("$parent")), "the new client is stopped in the parent", str(th and th.ptid))
pids = sorted(i.pid for i in gdb.inferiors() if i.pid)
want = sorted([int(gdb.parse_and_eval("$parent")), int(gdb.parse_and_eval("$forked"))])
check(pids == want, "the new client sees parent and child", "inferiors %r, want %r" % (pids, want))
end
check-eq my_pid $parent -- the parent's memory reads as the parent's
set schedule-multiple on
break parent_done
run-to continue
check-stop exited
check-eq $_exitcode 33 -- the child ran child_part() to its end
python
live = [i for i in gdb.inferiors() if i.pid == int(gdb.parse_and_eval("$parent"))]
check(len(live) == 1, "the parent is still there after the child's exit", str([i.pid for i in gdb.inferiors()]))
if live:
    gdb.execute("inferior %d" % live[0].num)
end
run-to continue
check-stop breakpoint
check-eq child_status 33
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
