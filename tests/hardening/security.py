#!/usr/bin/env python3
"""GDB sessions through the listeners the host cannot reach directly
(tests/hardening; the checks that need no GDB are sec_checks.c's).
  unix-gdb-session   the host's gdb-multiarch drives a whole session
                     (sec_session.gdb) with a `--once unix:PATH` stub,
                     through sec_fwd (guest port 1235 -> the socket); the
                     socket file is gone when the stub has ended
  ipv6-gdb-session   the same with a `--once [::1]:PORT` stub (SKIP when
                     the guest kernel has no IPv6)
The autostart's arguments are changed to start those stubs; this runs
last, it does not put the hard_prog stub back.
Usage: security.py PORT ONCE_PORT GUEST_DIR BUILD.  Exits 1 on a failure."""
import os
import subprocess
import sys
import time

from rsp import Client, ProtocolError, hexs, stop_pid

port, once_port, guest_dir, build = (int(sys.argv[1]), int(sys.argv[2]),
                                     sys.argv[3], sys.argv[4])
here = os.path.dirname(os.path.abspath(__file__))
logdir = os.path.join(build, "test-logs", "hardening")
failed = 0
SOCK = "/tmp/sec-gdb.sock"
V6_PORT = 1236

def result(name, why, skip=False):
    global failed
    if skip:
        print("SKIP hardening/%s (%s)" % (name, why))
    elif why is None:
        print("PASS hardening/%s" % name)
    else:
        print("FAIL hardening/%s (%s)" % (name, why))
        failed += 1

def open_errno(c, path):
    """0 if PATH opens in the guest, else the vFile errno (2: ENOENT)."""
    r = c.cmd("vFile:open:%s,0,0" % hexs(path))
    if r.startswith(b"F-1"):
        return int(r.split(b",")[1], 16)
    c.cmd("vFile:close:" + r[1:].decode())
    return 0

def read_file(c, path):
    r = c.cmd("vFile:open:%s,0,0" % hexs(path))
    if r.startswith(b"F-1"):
        return None
    fd = r[1:].decode()
    data = c.cmd("vFile:pread:%s,1000,0" % fd)
    c.cmd("vFile:close:" + fd)
    return data[data.index(b";") + 1:] if data.startswith(b"F") else None

def write_file(c, path, text):
    r = c.cmd("vFile:open:%s,601,1a4" % hexs(path))
    if r.startswith(b"F-1"):
        raise ProtocolError("cannot write %s: %r" % (path, r))
    fd = r[1:].decode()
    c.cmd("vFile:pwrite:%s,0,%s" % (fd, text))
    c.cmd("vFile:close:" + fd)

def wait_for(cond, tries=100):
    for _ in range(tries):
        if cond():
            return True
        time.sleep(0.1)
    return False

def gdb_session(name):
    """Run sec_session.gdb against the stub behind the forwarder."""
    out = os.path.join(logdir, name + ".out")
    err = os.path.join(logdir, name + ".log")
    env = dict(os.environ, A64_PORT2=str(once_port))
    with open(out, "w") as fo, open(err, "w") as fe:
        rc = subprocess.call(
            ["timeout", "-k", "5", "120", "gdb-multiarch", "-nx", "-batch",
             "-ex", "set confirm off", "-ex", "set pagination off",
             "-ex", "set sysroot %s/sysroot" % build,
             "-ex", "file %s/hardening/extra/sec_prog" % build,
             "-x", os.path.join(here, "..", "gdb", "lib.py"),
             "-x", os.path.join(here, "sec_session.gdb")],
            stdin=subprocess.DEVNULL, stdout=fo, stderr=fe, env=env)
    log = open(err).read()
    oks = log.count("\nok ") + log.startswith("ok ")
    if rc or "not ok" in log or oks == 0:
        bad = [l for l in log.splitlines() if l.startswith(("not ok", "#"))]
        return "gdb exit %d, %d checks passed: %s (log: %s)" % (rc, oks, "; ".join(bad[:4]), err)
    return None

def main():
    os.makedirs(os.path.join(build, "sysroot"), exist_ok=True)
    os.makedirs(logdir, exist_ok=True)
    c = Client(port)
    c.handshake()
    args_path = guest_dir + "/autostart.args"
    v6 = b"00000000000000000000000000000001" in (read_file(c, "/proc/net/if_inet6") or b"")
    write_file(c, args_path, "--once\nunix:%s\n@EXTRA@/sec_prog\n" % SOCK)
    # End the autostart's hard_prog stub: the next one is ours.
    try:
        o = Client(once_port, retries=1)
        o.handshake()
        o.close()
    except (ProtocolError, OSError):
        pass	# not there: a second run in the same guest
    r = c.cmd("vRun;" + ";".join(hexs(a) for a in (
        guest_dir + "/sec_fwd", "1235", "unix:" + SOCK, "[::1]:%d" % V6_PORT)))
    if not r.startswith(b"T"):
        raise ProtocolError("vRun sec_fwd: %r" % r)
    fwd = stop_pid(r)
    if c.cmd("D;%x" % fwd) != b"OK":
        raise ProtocolError("cannot let sec_fwd run")
    try:
        # The unix stub has read its arguments once its socket exists.
        if not wait_for(lambda: open_errno(c, SOCK) != 2):
            result("unix-gdb-session", "no stub made %s" % SOCK)
            return
        write_file(c, args_path, "--once\n[::1]:%d\n@EXTRA@/sec_prog\n" % V6_PORT)
        why = gdb_session("unix-gdb-session")
        if why is None and not wait_for(lambda: open_errno(c, SOCK) == 2):
            why = "%s is left after the --once stub ended" % SOCK
        result("unix-gdb-session", why)
        if not v6:
            result("ipv6-gdb-session", "the guest has no ::1 (no IPv6 in this kernel)", skip=True)
            return
        result("ipv6-gdb-session", gdb_session("ipv6-gdb-session"))
    finally:
        c.cmd("vAttach;%x" % fwd)
        c.cmd("vKill;%x" % fwd)
        c.close()

try:
    main()
except (ProtocolError, OSError) as e:
    result("security-setup", "%s: %s" % (type(e).__name__, e))
sys.exit(1 if failed else 0)
