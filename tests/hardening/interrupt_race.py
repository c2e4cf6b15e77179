#!/usr/bin/env python3
"""A ^C that races a breakpoint stop must not outlive it (tests/hardening).

hard_prog brkloop traps on its `brk #0` a few instructions after each
resume.  Each round skips the brk (pc += 4) and sends `c` and 0x03 in one
write, as GDB and LLDB do: the stub reads the ^C right after resuming and
interrupts a thread that has often trapped already.  If the `c` is
answered with the brk's T05, the ^C has had its stop and must be
forgotten: the following `vCont;s` (from pc + 4) must report T05 one
instruction on, never T02 at the same pc (a stale SIGINT).  If the `c` is
answered with T02 the interrupt won the race; the round starts again.

Usage: interrupt_race.py PORT GUEST_DIR [ROUNDS].  Prints one PASS/FAIL
line; exits 1 on failure."""
import re
import sys

from rsp import Client, ProtocolError, frame, hexs

port, guest_dir = int(sys.argv[1]), sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 300
PC = 0x20	# register number of pc in the target description


def pc_of(reply):
    m = re.search(rb"(?:^T..|;)20:([0-9a-f]{16});", reply)
    if not m:
        raise ProtocolError("no pc in stop reply %r" % reply[:80])
    return int.from_bytes(bytes.fromhex(m.group(1).decode()), "little")


def set_pc(c, pc):
    r = c.cmd("P%x=%s" % (PC, pc.to_bytes(8, "little").hex()))
    if r != b"OK":
        raise ProtocolError("P: %r" % r)


def main():
    c = Client(port)
    c.handshake()
    r = c.cmd("vRun;%s;%s" % (hexs(guest_dir + "/hard_prog"), hexs("brkloop")))
    if not r.startswith(b"T"):
        raise ProtocolError("vRun: %r" % r)
    pid = int(re.search(rb"thread:p([0-9a-f]+)\.", r).group(1), 16)
    r = c.cmd("c")			# to the brk
    if not r.startswith(b"T05"):
        raise ProtocolError("first c: %r" % r)
    brk = pc_of(r)
    raced = won = 0
    failure = None
    for _ in range(rounds):
        set_pc(c, brk + 4)
        c.send(frame(b"c") + b"\x03")
        if c.read_ack() != b"+":
            raise ProtocolError("c NAKed")
        r = c.read_packet()
        if r.startswith(b"T02"):
            won += 1			# the ^C stopped it first: fine
            r = c.cmd("c")		# on to the brk
            if not r.startswith(b"T05") or pc_of(r) != brk:
                failure = "c after a SIGINT: %r" % r[:80]
                break
            continue
        if not r.startswith(b"T05") or pc_of(r) != brk:
            failure = "c + ^C: %r" % r[:80]
            break
        raced += 1
        set_pc(c, brk + 4)
        r = c.cmd("vCont;s")
        if not r.startswith(b"T05") or pc_of(r) != brk + 8:
            failure = ("vCont;s after a T05 that raced a ^C: expected T05 at "
                       "%#x, got %r" % (brk + 8, r[:80]))
            break
        r = c.cmd("c")			# on to the brk
        if not r.startswith(b"T05") or pc_of(r) != brk:
            failure = "c after the step: %r" % r[:80]
            break
    c.cmd("vKill;%x" % pid)
    what = "%d rounds where the brk won the race, %d where the ^C did" % (raced, won)
    if failure:
        print("FAIL hardening/interrupt-race (%s; %s)" % (failure, what))
        return 1
    if raced == 0:
        print("FAIL hardening/interrupt-race (the brk never won the race: nothing tested; %s)" % what)
        return 1
    print("PASS hardening/interrupt-race (%s)" % what)
    return 0


if __name__ == "__main__":
    sys.exit(main())
