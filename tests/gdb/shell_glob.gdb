# GDB's default startup-with-shell on: the program runs through the
# guest's /bin/sh (Debian's busybox), which expands a glob in the
# arguments (`run /extra/shell_gl*.nothing /extra/shell_gl*` gives the
# pattern that matches nothing as it is, and the program's own path).
# A shell that is not there (`set environment SHELL=/no/such/sh`: the
# program's $SHELL picks it) fails the run with the stub's clear reason.
python
import os
# In the lane's own log folder: lanes run in parallel.
logpath = os.path.join(os.environ.get("A64_LOGDIR", "build/test-logs"), "shell_glob.remote.log")
os.makedirs(os.path.dirname(logpath), exist_ok=True)
gdb.execute("set remotelogfile %s" % logpath)
end
a64-connect
set startup-with-shell on
break main
python
d = os.environ.get("A64_GUEST_DIR", "/extra")
gdb.execute("set args %s/shell_gl*.nothing %s/shell_gl*" % (d, d))
end
run-to run
check-stop breakpoint
check-eq argc 3
python
check_str("argv[0]", d + "/shell_glob", "argv[0] is the program")
check_str("argv[1]", d + "/shell_gl*.nothing", "a glob matching nothing stays as it is")
check_str("argv[2]", d + "/shell_glob", "the glob expanded by the shell")
end
set environment SHELL=/no/such/sh
python
try:
    gdb.execute("run")
    check(False, "a missing shell fails the run")
except gdb.error as e:
    check("failed" in str(e), "a missing shell fails the run", str(e))
end
unset environment SHELL
delete
run-to run
check-stop exited
check-eq $_exitcode 3
python
gdb.execute("disconnect")	# closes the log
with open(logpath, "rb") as f:
    log = f.read().decode("latin-1")
want = "E.startup-with-shell is on but /no/such/sh does not exist in the target"
check(want in log, "the stub said why", log[log.find("$E."):][:200])
end
check-done
