#!/usr/bin/env python3
"""Faults around the live stub (tests/hardening; no GDB).  One line each:
  client-killed     the client dies (RST) while the program is stopped:
                    the next client finds it (?, qfThreadInfo), resumes
                    it, interrupts it and kills it
  client-killed-running  the same while the program runs: the stub stops
                    it and the next client finds it
  once-kills        a `--once` stub (guest port 1235, hard_prog on its
                    command line) kills the program it launched when its
                    client leaves; checked from the --multi stub through
                    vFile on /proc/PID
  sigkill-outside   the program is SIGKILLed from outside while the client
                    waits: the reply is X09 and no zombie is left
  once-detaches     `a64stub --once --attach :1235 PID` (started by the
                    autostart with new arguments) attaches to a running
                    program; when its client leaves it ends and detaches,
                    and the program runs on (its tick file advances, no
                    tracer in /proc/PID/status)
  killed-unattended the program is killed while no client is connected
                    (its own untraced child SIGKILLs it a second after
                    its SIGUSR1 stop; the client leaves at that stop; the
                    death is seen as a zombie through the --once stub): the
                    next client hears X09 for it at '?', the zombie is
                    reaped, and the client after that hears nothing of it
  watcher           the stub's input watcher (stub/watcher.c): exactly one
                    such child of the stub after 20 continue/^C rounds, and
                    none once the client has left (no leak, no zombie)
Usage: faults.py PORT ONCE_PORT GUEST_DIR.  Exits 1 on any failure."""
import sys
import time

from rsp import Client, ProtocolError, hexs, stop_pid

port, once_port, guest_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
failed = 0

def result(name, ok, why=""):
    global failed
    print("%s hardening/%s%s" % ("PASS" if ok else "FAIL", name,
                                 "" if ok else " (%s)" % why))
    failed += not ok

def connect(p=port):
    c = Client(p)
    c.handshake()
    return c

def run_prog(c, *args):
    r = c.cmd("vRun;" + ";".join(hexs(a) for a in
                                 (guest_dir + "/hard_prog",) + args))
    if not r.startswith(b"T"):
        raise ProtocolError("vRun: %r" % r)
    return stop_pid(r)

def proc_exists(c, pid):
    """Does /proc/PID exist in the guest (a zombie counts)?"""
    r = c.cmd("vFile:open:%s,0,0" % hexs("/proc/%d/stat" % pid))
    if r.startswith(b"F-1"):
        return False
    c.cmd("vFile:close:" + r[1:].decode())
    return True

def client_killed(running):
    c = connect()
    pid = run_prog(c)
    if running:
        c.send(b"$vCont;c#a8")
        if c.read_ack() != b"+":
            return "vCont;c not acked"
        time.sleep(0.3)
    c.close(reset=True)
    c = connect()
    threads = c.cmd("qfThreadInfo")
    if b"p%x." % pid not in threads:
        return "qfThreadInfo %r lacks pid %d" % (threads, pid)
    st = c.cmd("?")
    if not st.startswith(b"T") or stop_pid(st) != pid:
        return "'?' says %r" % st
    c.send(b"$vCont;c#a8")
    c.read_ack()
    time.sleep(0.2)
    c.send(b"\x03")
    st = c.read_packet()
    if not st.startswith(b"T02"):
        return "after ^C: %r" % st
    if c.cmd("vKill;%x" % pid) != b"OK":
        return "vKill failed"
    if c.cmd("qfThreadInfo") != b"l":
        return "threads left after vKill"
    left = proc_exists(c, pid)
    c.close()
    return "process %d still exists after vKill" % pid if left else None

def next_once_stub(want):
    """Connect to the --once port until a stub serves whose answer to `?`
    satisfies WANT (the autostart starts a new one after each ends; QEMU
    accepts, then resets, connections until it listens).  Returns the
    connected client and the answer, or (None, None)."""
    for _ in range(50):
        try:
            o = Client(once_port)
            o.handshake()
            st = o.cmd("?")
            if want(st):
                return o, st
            o.close()
        except (ProtocolError, OSError):
            pass
        time.sleep(0.2)
    return None, None

def once_kills():
    o = Client(once_port)
    o.handshake()
    st = o.cmd("?")
    if not st.startswith(b"T"):
        return "--once stub: '?' says %r" % st
    pid = stop_pid(st)
    o.close()
    c = connect()
    for _ in range(50):
        if not proc_exists(c, pid):
            break
        time.sleep(0.1)
    else:
        return "the program (pid %d) outlived the --once stub" % pid
    c.close()
    # The autostart runs a new --once stub: it must be serving again.
    o, st = next_once_stub(lambda st: True)
    if o is None:
        return "no new --once stub listens"
    o.close()
    if not st.startswith(b"T") or stop_pid(st) == pid:
        return "no new --once stub: %r" % st
    return None

def read_file(c, path):
    """The contents of a guest file (up to 4 KiB) through vFile, or None."""
    r = c.cmd("vFile:open:%s,0,0" % hexs(path))
    if r.startswith(b"F-1"):
        return None
    fd = r[1:].decode()
    data = c.cmd("vFile:pread:%s,1000,0" % fd)
    c.cmd("vFile:close:" + fd)
    return data[data.index(b";") + 1:] if data.startswith(b"F") else None

def write_file(c, path, text):
    """Replace a guest file's contents (plain text: nothing to escape)."""
    r = c.cmd("vFile:open:%s,601,1a4" % hexs(path))	# O_WRONLY|O_CREAT|O_TRUNC, 0644
    if r.startswith(b"F-1"):
        raise ProtocolError("cannot write %s: %r" % (path, r))
    fd = r[1:].decode()
    c.cmd("vFile:pwrite:%s,0,%s" % (fd, text))
    c.cmd("vFile:close:" + fd)

def ticks(c, pid):
    """The ticker's count; it rewrites the file each tick, so a read can
    find it empty: read again (a few times) until it holds a number."""
    for _ in range(20):
        d = read_file(c, "/tmp/ticks-%d" % pid)
        if d and d.strip().isdigit():
            return int(d)
    return None

def once_detaches():
    c = connect()
    pid = run_prog(c, "ticker")
    r = c.cmd("D;%x" % pid)
    if r != b"OK":
        return "detach from the multi stub: %r" % r
    args_path = guest_dir + "/autostart.args"
    orig = read_file(c, args_path)
    write_file(c, args_path, "--once\n--attach\n:1235\n%d\n" % pid)
    # End the --once stub serving now: the autostart starts ours.
    o = Client(once_port)
    o.handshake()
    o.close()
    o, st = next_once_stub(lambda st: st.startswith(b"T") and stop_pid(st) == pid)
    if o is None:
        return "no `--once --attach %d` stub came to serve" % pid
    att = o.cmd("qAttached:%x" % pid)
    if att != b"1":
        return "qAttached says %r, expected 1" % att
    status = read_file(c, "/proc/%d/status" % pid) or b""
    if b"TracerPid:\t0\n" in status:
        return "the program is not traced while the --attach stub holds it"
    write_file(c, args_path, orig.decode())
    o.close()
    # The --once stub ends and detaches: the program must run on, untraced,
    # its count going up.  (Stopped, it may have left the file empty.)
    t1 = t2 = None
    for _ in range(50):
        status = read_file(c, "/proc/%d/status" % pid) or b""
        if b"TracerPid:\t0\n" in status:
            t1, t2 = t2, ticks(c, pid)
            if t1 is not None and t2 is not None and t2 > t1:
                break
        time.sleep(0.1)
    else:
        return "the program did not run on untraced (ticks %r -> %r)" % (t1, t2)
    c.cmd("vAttach;%x" % pid)
    c.cmd("vKill;%x" % pid)
    c.close()
    return None

def sigkill_outside():
    c = connect()
    pid = run_prog(c, "killer")
    c.send(b"$vCont;c#a8")
    c.read_ack()
    st = c.read_packet()
    if not st.startswith(b"X09"):
        return "reply %r, expected X09 (SIGKILL)" % st
    if c.cmd("qfThreadInfo") != b"l":
        return "the dead program is still listed"
    left = proc_exists(c, pid)
    c.close()
    return "zombie or process %d left" % pid if left else None

def killed_unattended():
    c = connect()
    pid = run_prog(c, "killer-stop")
    c.send(b"$vCont;c#a8")
    c.read_ack()
    st = c.read_packet()	# its SIGUSR1: the killer child exists
    if not st.startswith(b"T1e"):	# GDB_SIGNAL_USR1
        return "expected the SIGUSR1 stop, got %r" % st
    c.close()	# the program stays stopped; its killer child runs on
    o, _ = next_once_stub(lambda st: True)
    if o is None:
        return "no --once stub to watch the program with"
    for _ in range(200):	# until it is dead: a zombie, or gone
        d = read_file(o, "/proc/%d/stat" % pid)
        if d is None or d[d.rindex(b")") + 2:][:1] == b"Z":
            break
        time.sleep(0.05)
    else:
        return "the program (pid %d) was not killed" % pid
    o.close()
    c = connect()
    st = c.cmd("?")
    threads = c.cmd("qfThreadInfo")
    left = proc_exists(c, pid)
    c.close()
    if st != b"X09;process:%x" % pid:
        return "'?' after the kill says %r, expected X09;process:%x" % (st, pid)
    if threads != b"l":
        return "the dead program is still listed: %r" % threads
    if left:
        return "process %d is still a zombie after its report" % pid
    c = connect()
    st = c.cmd("?")
    c.close()
    return None if st == b"W00" else "the next client hears %r, expected W00" % st

def stat_fields(c, pid):
    """/proc/PID/stat's fields after the command name, or None."""
    d = read_file(c, "/proc/%d/stat" % pid)
    return d[d.rindex(b")") + 2:].split() if d else None

def watchers(c, stub, first):
    """The stub's children other than the program (pids from @first on;
    the guest is fresh, so pids do not wrap)."""
    found = []
    for p in range(first, first + 200):
        f = stat_fields(c, p)
        if f and int(f[1]) == stub:
            found.append(p)
    return found

def watcher():
    c = connect()
    pid = run_prog(c)
    stub = int(read_file(c, "/proc/self/stat").split()[0])
    for i in range(20):
        c.send(b"$vCont;c#a8")
        if c.read_ack() != b"+":
            return "vCont;c not acked"
        c.send(b"\x03")
        st = c.read_packet()
        if not st.startswith(b"T02"):
            return "round %d: after ^C: %r" % (i, st)
    w = watchers(c, stub, pid + 1)
    if len(w) != 1:
        return "after 20 rounds the stub has %d children besides the program: %r" % (len(w), w)
    c.close()
    c = connect()
    left = watchers(c, stub, pid + 1)
    c.cmd("vKill;%x" % pid)
    c.close()
    if left:
        return "watcher(s) %r left after the client did (stub %d)" % (left, stub)
    return None

for name, fn in [("client-killed", lambda: client_killed(False)),
                 ("client-killed-running", lambda: client_killed(True)),
                 ("once-kills", once_kills),
                 ("sigkill-outside", sigkill_outside),
                 ("once-detaches", once_detaches),
                 ("killed-unattended", killed_unattended),
                 ("watcher", watcher)]:
    try:
        why = fn()
    except (ProtocolError, OSError) as e:
        why = "%s: %s" % (type(e).__name__, e)
    result(name, why is None, why)
sys.exit(1 if failed else 0)
