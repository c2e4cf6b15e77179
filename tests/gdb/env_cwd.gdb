# The environment and working directory of programs the stub runs
# (QEnvironmentReset/HexEncoded/Unset, QSetWorkingDir), as the program
# sees them, across two runs: the stub's own environment (the guest's
# init sets PATH and GUEST_EXTRA), the user's sets and unsets on top, and
# nothing of the first run's left in the second.  A directory that is not
# there fails the run; GDB only says the run failed, the stub's reason is
# in its E. reply, read back from GDB's log of the remote protocol.
python
import os
# In the lane's own log folder: lanes run in parallel.
logpath = os.path.join(os.environ.get("A64_LOGDIR", "build/test-logs"), "env_cwd.remote.log")
os.makedirs(os.path.dirname(logpath), exist_ok=True)
gdb.execute("set remotelogfile %s" % logpath)
end
a64-connect
break report
set environment A64_FOO=bar baz
unset environment GUEST_EXTRA
set cwd /tmp
run-to run
check-stop breakpoint
python
check_str("foo", "bar baz", "run 1: A64_FOO as set, with its space")
check(int(gdb.parse_and_eval("extra")) == 0, "run 1: GUEST_EXTRA unset")
check_str("path", "/bin:/sbin:/extra", "run 1: PATH is the stub's own")
check_str("cwd", "/tmp", "run 1: started in /tmp (set cwd)")
end
unset environment A64_FOO
set environment GUEST_EXTRA=again
set cwd
run-to run
check-stop breakpoint
python
check(int(gdb.parse_and_eval("foo")) == 0, "run 2: A64_FOO unset again")
check_str("extra", "again", "run 2: GUEST_EXTRA set to the new value")
check_str("path", "/bin:/sbin:/extra", "run 2: PATH is still the stub's own")
check_str("cwd", "/", "run 2: started in the stub's directory (cwd reset)")
end
set cwd /no/such/dir
python
try:
    gdb.execute("run")
    check(False, "run 3: a missing cwd is refused")
except gdb.error as e:
    check("failed" in str(e), "run 3: a missing cwd is refused", str(e))
end
set cwd
delete
run-to run
check-stop exited
check-eq $_exitcode 0
python
gdb.execute("disconnect")	# closes the log
with open(logpath, "rb") as f:
    log = f.read().decode("latin-1")
want = "E.cannot run '/extra/env_cwd': cannot change to its working directory '/no/such/dir' (set cwd): No such file or directory"
check(want in log, "run 3: the stub said why", log[log.find("$E."):][:200])
end
check-done
