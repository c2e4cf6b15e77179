# `catch vfork`: GDB stops in the parent at the vfork with the child's
# exact pid; the child (detached) writes the shared memory and exits 21,
# and the parent, held by the kernel until then, runs on and exits 22.
a64-connect
catch vfork
run-to run
python
import re
m = re.search(r"Catchpoint 1 \(vforked process (\d+)\)", _last_stop)
check(m is not None, "stop is the vfork catchpoint", _last_stop[-300:])
gdb.execute("set $vforked = %d" % (int(m.group(1)) if m else -1))
check(gdb.selected_thread().ptid[0] == int(gdb.parse_and_eval("my_pid")), "the stop is in the parent", str(gdb.selected_thread().ptid))
end
delete
break parent_part
run-to continue
check-stop breakpoint
check-eq pid $vforked -- vfork returned the pid the catchpoint said
check-eq shared_mark 7 -- the child wrote the shared memory before the parent ran on
delete
run-to continue
check-stop exited
check-eq $_exitcode 22
check-done
