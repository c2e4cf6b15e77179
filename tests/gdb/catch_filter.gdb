# The catch-syscall filter belongs to the run it was set for: `catch
# syscall getpid`, run (it stops there), delete the catchpoint, run again:
# the new run must not stop at getpid at all, not even with stops GDB
# resumes unseen.  The witness is GDB's own log of the remote protocol:
# no syscall stop reply after the second vRun.
python
import os, tempfile
# In the lane's own log folder: lanes run in parallel.
logpath = os.path.join(os.environ.get("A64_LOGDIR", "build/test-logs"), "catch_filter.remote.log")
os.makedirs(os.path.dirname(logpath), exist_ok=True)
gdb.execute("set remotelogfile %s" % logpath)
end
a64-connect
catch syscall getpid
run-to run
check-stop syscall-entry getpid
delete
run-to run
check-stop exited
check-eq $_exitcode 0
python
gdb.execute("disconnect")	# closes the log
with open(logpath, "rb") as f:
    log = f.read().decode("latin-1")
runs = [i for i in range(len(log)) if log.startswith("$vRun", i)]
check(len(runs) == 2, "two vRun packets in the log", "%d" % len(runs))
after = log[runs[-1]:] if runs else ""
n = after.count("syscall_entry") + after.count("syscall_return")
check(n == 0, "no syscall stop in the second run", "%d syscall stop replies" % n)
check("QCatchSyscalls:1" not in after, "GDB asked for no filter in the second run")
end
check-done
