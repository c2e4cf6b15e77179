#!/usr/bin/env python3
"""A randomized fault campaign against the live stub (make chaos; a short
fixed-seed slice in make hardening-check).

Against the `--multi` stub in a guest of its own, a generator seeded with
SEED draws one step after another:
  raw       a raw RSP client: runs chaos_prog if nothing runs, resumes it
            and interrupts it (0x03) after a random time, single-steps,
            writes and reads back a register and stack memory; then leaves
            in a random way: a clean close, a connection reset, in the
            middle of a packet, or with the program running
  gdb       a real GDB session (gdb-multiarch, extended-remote) that finds
            the program, continues it, and is SIGKILLed at a random moment
            (or interrupted and quit)
  kill      a raw client that kills the program (vKill) or detaches from it
chaos_prog (chaos_prog.c) itself forks, creates and ends threads, raises
signals, execs, and has children stop or kill it.

After every step a fresh client checks the invariants:
  the stub answers ('?' and qfThreadInfo within the timeout);
  every process it lists exists in /proc and is no zombie;
  every pid chaos_prog ever made that the stub traces (TracerPid) is in its
  thread list, so that someone can resume it; none the stub traces or
  started is a zombie (a program whose end is queued is reaped at once);
  registers and memory read back what the step wrote.
A failure prints the seed and the step; CHAOS_SEED=SEED reproduces the
choices (not the timing).

Usage: chaos.py PORT GUEST_DIR SECONDS SEED.  Prints one PASS/FAIL line;
exits 1 on a failure."""
import os
import random
import signal
import subprocess
import sys
import time

from rsp import Client, ProtocolError, hexs, stop_pid

port, guest_dir = int(sys.argv[1]), sys.argv[2]
seconds, seed = float(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
here = os.path.dirname(os.path.abspath(__file__))
build = os.environ.get("BUILD", "build")
log = open(os.path.join(build, "test-logs", "hardening", "chaos.log"), "a")
stats = {"steps": 0, "raw": 0, "gdb": 0, "kill": 0, "interrupts": 0,
         "writes": 0, "checks": 0}


class Violation(Exception):
    pass


def note(msg):
    log.write("%.3f %s\n" % (time.monotonic(), msg))
    log.flush()


def connect(timeout=20.0):
    c = Client(port, timeout=timeout, retries=100)
    c.handshake()
    return c


def read_file(c, path):
    r = c.cmd("vFile:open:%s,0,0" % hexs(path))
    if r.startswith(b"F-1"):
        return None
    fd = r[1:].decode()
    data = b""
    while True:
        d = c.cmd("vFile:pread:%s,1000,%x" % (fd, len(data)))
        if not d.startswith(b"F") or d.startswith(b"F-1"):
            break
        chunk = d[d.index(b";") + 1:]
        if not chunk:
            break
        data += chunk
    c.cmd("vFile:close:" + fd)
    return data


def status_fields(c, pid):
    """{State, PPid, TracerPid} of /proc/PID/status, or None if gone."""
    d = read_file(c, "/proc/%d/status" % pid)
    if not d:
        return None
    f = {}
    for line in d.decode("latin-1").splitlines():
        k, _, v = line.partition(":")
        if k in ("State", "PPid", "TracerPid"):
            f[k] = v.strip()
    return f


def listed(c):
    """{pid: [tid...]} from qfThreadInfo."""
    r = c.cmd("qfThreadInfo")
    out = {}
    if r.startswith(b"m"):
        for item in r[1:].decode().split(","):
            p, _, t = item[1:].partition(".")
            out.setdefault(int(p, 16), []).append(int(t, 16))
    return out


def run_prog(c):
    r = c.cmd("vRun;%s;%s" % (hexs(guest_dir + "/chaos_prog"),
                              hexs(str(rng.randrange(1 << 30)))))
    if not r.startswith(b"T"):
        raise Violation("vRun chaos_prog: %r" % r)
    return stop_pid(r)


def check(stub_pid_box):
    """The invariants, through a fresh client."""
    stats["checks"] += 1
    c = connect()
    st = c.cmd("?")
    if not (st.startswith(b"T") or st.startswith(b"W") or st.startswith(b"X")):
        raise Violation("'?' says %r" % st)
    if stub_pid_box[0] is None:
        stub_pid_box[0] = int(read_file(c, "/proc/self/stat").split()[0])
    stub = stub_pid_box[0]
    procs = listed(c)
    for pid in procs:
        f = status_fields(c, pid)
        if f is None or f["State"].startswith("Z"):
            # A process can be killed from outside (chaos_prog's children
            # do it) between the list and this look: the stub learns of it
            # when it next waits, before the next packet.  Only a process
            # it still lists then is wrong.
            if pid in listed(c):
                raise Violation("listed process %d %s" % (
                    pid, "does not exist" if f is None else "is a zombie"))
    pids = read_file(c, "/tmp/chaos-pids") or b""
    for line in sorted(set(pids.split())):
        pid = int(line)
        f = status_fields(c, pid)
        if f is None:
            continue
        traced = f["TracerPid"] == str(stub)
        if traced and f["State"].startswith("Z"):
            raise Violation("process %d: a zombie the stub traces" % pid)
        if f["PPid"] == str(stub) and f["State"].startswith("Z"):
            # It may have ended just now: each packet lets the stub reap.
            f = status_fields(c, pid)
            if f and f["State"].startswith("Z"):
                raise Violation("process %d: a zombie child of the stub" % pid)
            continue
        # A fork child is listed once its parent's fork event is told.
        if traced and pid not in procs and int(f["PPid"]) not in procs and \
                not any(pid in tids for tids in procs.values()):
            raise Violation("process %d is traced by the stub (%s) but not "
                            "in its thread list %r: no one can resume it"
                            % (pid, f["State"], procs))
    c.close()


def reg_mem_roundtrip(c):
    """Write x19 and stack memory below sp, read back, restore."""
    stats["writes"] += 1
    old = c.cmd("p13")
    if len(old) != 16:
        return	# the thread is gone (exec, exit): nothing to write
    magic = "%016x" % rng.randrange(1 << 64)
    if c.cmd("P13=" + magic) != b"OK":
        raise Violation("P x19 refused")
    back = c.cmd("p13")
    c.cmd("P13=" + old.decode())
    if back.decode() != magic:
        raise Violation("x19 reads back %r, wrote %s" % (back, magic))
    sp = int.from_bytes(bytes.fromhex(c.cmd("p1f").decode()), "little")
    addr = (sp - 1024) & ~7
    data = bytes(rng.randrange(256) for _ in range(32))
    if c.cmd("M%x,20:%s" % (addr, data.hex())) != b"OK":
        raise Violation("M below sp (%#x) refused" % addr)
    got = c.cmd("m%x,20" % addr)
    if got != data.hex().encode():
        raise Violation("memory at %#x reads %r, wrote %s" % (addr, got, data.hex()))


def leave(c, how):
    note("leave: %s" % how)
    if how == "reset":
        c.close(reset=True)
    elif how == "mid-packet":
        c.send(b"$m400000,")
        c.close(reset=rng.random() < 0.5)
    elif how == "running":
        c.send(b"$vCont;c#a8")
        time.sleep(rng.uniform(0, 0.3))
        c.close(reset=rng.random() < 0.5)
    else:
        c.close()


def step_raw():
    stats["raw"] += 1
    c = connect()
    st = c.cmd("?")
    if not st.startswith(b"T"):
        run_prog(c)
    for _ in range(rng.randrange(1, 6)):
        op = rng.choice(["cont", "cont", "step", "regs"])
        note("raw: %s" % op)
        if op == "cont":
            c.send(b"$vCont;c#a8")
            if c.read_ack() != b"+":
                raise Violation("vCont;c not acked")
            time.sleep(rng.uniform(0, 0.4))
            c.send(b"\x03")
            stats["interrupts"] += 1
            st = c.read_packet()
            if st[:1] in (b"W", b"X"):
                note("raw: program ended: %r" % st[:20])
                if rng.random() < 0.7:
                    run_prog(c)
                else:
                    break
            elif not st.startswith(b"T"):
                raise Violation("after ^C: %r" % st)
        elif op == "step":
            st = c.cmd("vCont;s")
            if st[:1] not in (b"T", b"W", b"X"):
                raise Violation("vCont;s: %r" % st)
            if st[:1] != b"T":
                break
        else:
            reg_mem_roundtrip(c)
    leave(c, rng.choice(["clean", "reset", "mid-packet", "running"]))


def step_gdb():
    stats["gdb"] += 1
    prog = os.path.join(build, "hardening", "extra", "chaos_prog")
    cmds = ["set startup-with-shell off", "set sysroot %s/sysroot" % build,
            "set confirm off", "set pagination off", "file " + prog,
            "target extended-remote 127.0.0.1:%d" % port,
            "info threads", "continue", "info threads", "continue"]
    argv = ["gdb-multiarch", "-nx", "-batch"]
    for c in cmds:
        argv += ["-ex", c]
    g = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log,
                         stderr=log, start_new_session=True)
    wait = rng.uniform(0.5, 6.0)
    how = rng.choice(["kill", "kill", "int"])
    note("gdb: pid %d, %s after %.2f s" % (g.pid, how, wait))
    try:
        g.wait(wait)
    except subprocess.TimeoutExpired:
        if how == "int":
            g.send_signal(signal.SIGINT)
            try:
                g.wait(5)
            except subprocess.TimeoutExpired:
                pass
        if g.poll() is None:
            os.killpg(g.pid, signal.SIGKILL)
            g.wait()


def step_kill():
    stats["kill"] += 1
    c = connect()
    st = c.cmd("?")
    if st.startswith(b"T"):
        pid = stop_pid(st)
        what = rng.choice(["vKill;%x" % pid, "D;%x" % pid])
        r = c.cmd(what)
        note("kill: %s -> %r" % (what, r))
        if r != b"OK":
            raise Violation("%s: %r" % (what, r))
    c.close()


def main():
    stub = [None]
    t0 = time.monotonic()
    step = 0
    note("chaos: seed %d, %d s" % (seed, seconds))
    try:
        check(stub)
        while time.monotonic() - t0 < seconds:
            step += 1
            kind = rng.choices(["raw", "gdb", "kill"], [6, 3, 1])[0]
            note("step %d: %s" % (step, kind))
            try:
                {"raw": step_raw, "gdb": step_gdb, "kill": step_kill}[kind]()
            except (ProtocolError, OSError) as e:
                # A client may meet a program that just ended, or the
                # stub closing on it: only the checks below decide.
                note("step %d: %s: %s" % (step, type(e).__name__, e))
            stats["steps"] += 1
            check(stub)
    except (Violation, ProtocolError, OSError) as e:
        print("FAIL hardening/chaos (seed %d, step %d: %s: %s; reproduce: "
              "CHAOS_SEED=%d; log: %s)" % (seed, step, type(e).__name__, e,
                                           seed, log.name))
        return 1
    print("PASS hardening/chaos (seed %d: %d steps in %.0f s, %d raw, %d gdb, "
          "%d kill/detach, %d interrupts, %d write checks, %d invariant "
          "checks, 0 failures)" % (seed, stats["steps"], time.monotonic() - t0,
                                   stats["raw"], stats["gdb"], stats["kill"],
                                   stats["interrupts"], stats["writes"],
                                   stats["checks"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
