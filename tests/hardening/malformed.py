#!/usr/bin/env python3
"""Malformed input against the live stub (tests/hardening; no GDB).

Connects to a `--multi` stub, runs hard_prog with vRun so that there is a
stopped program, then sends one malformed input after another: bad
checksums, truncated and oversized packets, invalid hex, absurd lengths,
unmapped addresses, bogus thread ids, unknown packets, random bytes, a
client that disconnects mid-packet.  Each must get the right answer, and
after each the stub must still answer '?' and the program's registers,
memory and threads must be as before.

Usage: malformed.py PORT GUEST_DIR.  Prints one line per failure and
"N malformed inputs, N answered correctly"; exits 1 on any failure."""
import random
import re
import sys

from rsp import Client, ProtocolError, checksum, frame, hexs

PKT_MAX = 131072
port, guest_dir = int(sys.argv[1]), sys.argv[2]

def is_err(r):
    return re.fullmatch(rb"E[0-9a-f]{2}|E\..+", r, re.S) is not None

def is_empty(r):
    return r == b""

def is_hex(r):
    return is_err(r) or (len(r) % 2 == 0 and len(r) <= PKT_MAX and
                         re.fullmatch(rb"[0-9a-f]*", r) is not None)

def is_xfer(r):
    return is_err(r) or r[:1] in (b"m", b"l")

def is_fio_err(r):
    return re.fullmatch(rb"F-1,[0-9a-f]+", r) is not None or is_err(r)


class Run:
    def __init__(self):
        self.c = Client(port)
        self.c.handshake()
        r = self.c.cmd("vRun;" + hexs(guest_dir + "/hard_prog"))
        if not r.startswith(b"T"):
            raise ProtocolError("vRun failed: %r" % r)
        self.pid = int(re.search(rb"thread:p([0-9a-f]+)\.", r).group(1), 16)
        regs = self.c.cmd("g")
        # pc is register 32: 33rd 8-byte slot, little-endian.
        self.pc = int.from_bytes(bytes.fromhex(regs[32 * 16:33 * 16].decode()),
                                 "little")
        self.base = self.state()
        self.tried = self.ok = 0
        self.failures = []

    def state(self):
        c = self.c
        return (c.cmd("?"), c.cmd("g"), c.cmd("qfThreadInfo"),
                c.cmd("m%x,40" % self.pc))

    def check_state(self, what):
        now = self.state()
        names = ("'?'", "registers", "threads", "memory")
        for n, a, b in zip(names, self.base, now):
            if a != b:
                return "%s changed after %s: %r -> %r" % (n, what, a[:60], b[:60])
        return None

    def case(self, what, send, expect):
        """SEND: a payload (framed here) or a function doing the exchange
        and returning True when the stub answered right."""
        self.tried += 1
        try:
            if callable(send):
                good, got = send(), ""
            else:
                got = self.c.cmd(send)
                good = expect(got)
            why = None if good else "wrong answer %r" % (got[:80],)
            if why is None:
                why = self.check_state(what)
        except (ProtocolError, OSError) as e:
            why = "%s: %s" % (type(e).__name__, e)
            try:
                self.c.close()
            except OSError:
                pass
            self.c = Client(port)
            self.c.handshake()
        if why:
            self.failures.append("%s: %s" % (what, why))
            print("not ok %d - %s: %s" % (self.tried, what, why))
            # Judge the next inputs on their own, not on this one's damage.
            self.base = self.state()
        else:
            self.ok += 1


def main():
    t = Run()
    c = lambda: t.c
    pc = t.pc

    # --- framing ---
    def bad_csum():
        c().send(b"$g#00")
        if c().read_ack() != b"-":
            return False
        return c().cmd("g") == t.base[1]	# the resend works
    t.case("bad checksum, then resent", bad_csum, None)

    def bad_csum_digits():
        c().send(b"$g#zz")
        return c().read_ack() == b"-" and c().cmd("?") == t.base[0]
    t.case("checksum not hex", bad_csum_digits, None)

    def truncated():
        c().send(b"$m400")	# no '#': the next '$' starts over
        return c().cmd("?") == t.base[0]
    t.case("truncated packet", truncated, None)

    def truncated_csum():
        c().send(b"$g#6")
        c().send(frame(b"?"))
        # "$" in place of the second checksum digit: NAK, then the new packet.
        return c().read_ack() == b"-" and c().read_ack() == b"+" and \
            c().read_packet() == t.base[0]
    t.case("checksum cut short", truncated_csum, None)

    def too_long():
        body = b"0" * (PKT_MAX + 100)
        c().send(b"$" + body + b"#" + checksum(body))
        return c().read_ack() == b"+" and \
            c().read_packet().startswith(b"E.packet longer than PacketSize")
    t.case("packet over PacketSize", too_long, None)

    def rle_bomb():
        body = b"m0" + b"0*~" * (PKT_MAX // 97 + 10)
        c().send(b"$" + body + b"#" + checksum(body))
        return c().read_ack() == b"+" and \
            c().read_packet().startswith(b"E.packet longer than PacketSize")
    t.case("run-length expansion over PacketSize", rle_bomb, None)

    def bad_rle():
        body = b"g*\x1d"	# a count below 3
        c().send(b"$" + body + b"#" + checksum(body))
        return c().read_ack() == b"-"
    t.case("run-length count out of range", bad_rle, None)

    def escape_at_end():
        body = b"m0,4}"
        c().send(b"$" + body + b"#" + checksum(body))
        c().drain(0.3)
        return c().cmd("?") == t.base[0]
    t.case("escape as the last byte", escape_at_end, None)

    def random_bytes():
        rnd = random.Random(1234)
        c().send(bytes(rnd.randrange(256) for _ in range(8192)))
        c().drain(0.5)
        c().send(frame(b"?"))
        return c().read_packet() == t.base[0]
    t.case("8 KiB of random bytes", random_bytes, None)

    def noise_between():
        c().send(b"garbage \x00\xff\r\n")
        return c().cmd("?") == t.base[0]
    t.case("line noise between packets", noise_between, None)

    # --- invalid hex and syntax ---
    for p in ["mzz,4", "m%x,zz" % pc, "m,4", "m%x" % pc, "m%x,4," % pc,
              "m%x,4;" % pc, "M%x,4:zzzzzzzz" % pc, "M%x,4:00" % pc,
              "M%x,2:000000" % pc, "M%x,4" % pc, "X%x,4:ab" % pc,
              "X%x,zz:" % pc, "p", "pzz", "p1000", "p-1", "P0=zz", "P0=00",
              "Pzz=0000000000000000", "P1000=0000000000000000", "P0",
              "G0011", "G" + "zz" * 600,
              "Hx1", "Hg", "Hgzz", "Hg-2", "Hg" + "f" * 17, "Hc80000000",
              "Tzz", "T", "czz", "c%x;" % pc, "Czz", "Cff", "C05;zz", "Szz",
              "Z0,zz,4", "Z0,%x,3" % pc, "Z0,%x" % pc, "Z0", "z0,%x,4x" % pc,
              "Z2,0,0", "vCont;x", "vCont;Czz", "vCont;c:zz", "vCont;", "vCont",
              "vCont" + ";c:7ffffff0" * 65, "vRun;zz", "vRun;abc", "vRun",
              "vAttach;zz", "vAttach;0", "vAttach;", "vKill;zz", "vKill",
              "D;zz", "Dx", "qRcmd,zz", "qRcmd,6", "qRcmd," + "61" * 300,
              "QPassSignals:zz", "QPassSignals", "QProgramSignals:1;zz",
              "QCatchSyscalls:2", "QCatchSyscalls:1;zz", "QCatchSyscalls",
              "QStartupWithShell:2", "QDisableRandomization:x",
              "qXfer:features:read:target.xml", "qXfer:features:read:target.xml:0",
              "qXfer:features:read:target.xml:zz,10", "qXfer:auxv:read::0;10",
              "vFile:open:zz,0,0", "vFile:open:" + "61" * 5000 + ",0,0",
              "vFile:pread:zz,10,0", "vFile:setfs:zz"]:
        t.case("invalid: %.40s" % p, p,
               lambda r: is_err(r) or is_fio_err(r) or r.startswith(b"F-1"))

    # --- lax parsing that once said OK (issue 18, fault 8), as gdbserver:
    # an annex that is no pid; and a syscall number no int holds
    # (gdbserver truncates it and says OK) ---
    for p in ["qXfer:exec-file:read:zz:0,10", "qXfer:auxv:read:1x:0,10",
              "QCatchSyscalls:1;ffffffffffff",
              "QCatchSyscalls:1;40;80000000", "QCatchSyscalls:1;40;",
              "QCatchSyscalls:1;;40"]:
        t.case("lax: %s" % p, p, is_err)

    def hw_point(z):
        # Hardware points never touch memory, and a not yet mapped address
        # is fine (gdbserver and the kernel accept it): OK, OK for its
        # removal, and OK again for removing what is not there (unlike
        # gdbserver: GDB sends such z packets, see target_remove_bp()).
        ins, rem = c().cmd("Z" + z), c().cmd("z" + z)
        again = c().cmd("z" + z)
        if (ins, rem, again) != (b"OK", b"OK", b"OK"):
            print("# Z%s: %r, z: %r, z again: %r" % (z, ins, rem, again))
            return False
        return True
    t.case("Z1,0,4 then z1 twice", lambda: hw_point("1,0,4"), None)
    t.case("Z3,0,8 then z3 twice", lambda: hw_point("3,0,8"), None)

    def bp_twice():
        z = "0,%x,4" % pc
        ins, rem, again = c().cmd("Z" + z), c().cmd("z" + z), c().cmd("z" + z)
        return (ins, rem, again) == (b"OK", b"OK", b"OK") and \
            c().cmd("m%x,4" % pc) == t.base[3][:8]	# the original code back
    t.case("Z0 then z0 twice", bp_twice, None)

    def catch_high():
        # Numbers past the stub's filter bitmap are still caught.
        return c().cmd("QCatchSyscalls:1;40;7d0;7fffffff") == b"OK" and \
            c().cmd("QCatchSyscalls:0") == b"OK"
    t.case("QCatchSyscalls with numbers over 1023", catch_high, None)

    # A G whose first registers are valid and whose last one is not:
    # nothing may be written (the packet is rejected as a whole).
    g = t.base[1].decode()
    t.case("G with a bad last register", "G" + "11" * 8 + g[16:-2] + "zz", is_err)

    # --- absurd lengths ---
    for p, ok in [("m%x,ffffffffffffffff" % pc, is_hex),
                  ("m%x,10000000000000000" % pc, is_err),
                  ("m%x,7fffffffffffffff" % pc, is_hex),
                  ("M%x,ffffffffffffffff:00" % pc, is_err),
                  ("M%x,8000000000000000:" % pc, is_err),
                  ("X%x,ffffffffffffffff:" % pc, is_err),
                  ("X%x,8000000000000001:a" % pc, is_err),
                  ("qXfer:features:read:target.xml:0,ffffffffffffffff", is_xfer),
                  ("qXfer:features:read:target.xml:ffffffffffffffff,1", is_err),
                  ("qXfer:features:read:target.xml:10000000000000000,1", is_err),
                  ("qXfer:features:read:" + "a" * 100 + ":0,10", is_err),
                  ("qXfer:threads:read::ffffffffffff,10", is_err),
                  ("qXfer:threads:read::0,ffffffffffffffff", is_xfer),
                  ("qXfer:auxv:read::0,ffffffffffffffff", is_xfer),
                  ("qXfer:auxv:read::fffffffffffffff0,ffffffffffffffff", is_err),
                  ("qXfer:exec-file:read::fffffff,1", is_err),
                  ("qXfer:exec-file:read:7fffffff:0,100", is_err),
                  ("qXfer:siginfo:read::0,ffffffffffffffff", is_xfer),
                  ("vFile:pread:3,ffffffffffffffff,0", lambda r: r[:1] == b"F"),
                  ("vFile:pread:7fffffff,10,ffffffffffffffff", is_fio_err)]:
        t.case("absurd length: %.50s" % p, p, ok)

    # --- memory that is not mapped ---
    for p in ["m0,4", "mffffffffffff0000,10", "mfffffffffffffffc,10",
              "M0,4:00000000", "Mfffffffffffffffe,4:00000000", "X0,4:abcd",
              "Z0,0,4", "Z0,fffffffffffffffc,4"]:
        t.case("unmapped: %s" % p, p, is_err)

    # --- unknown and bogus thread ids: E, and nothing resumes ---
    for p in ["Hg7fffffff", "Hgp7fffffff.7fffffff", "Hgp%x.7ffffff0" % t.pid,
              "Hc7fffffff", "Hg80000000", "T7fffffff", "T0", "Tp0.0", "T-1",
              "vCont;c:7fffffff", "vCont;s:p7fffffff.-1",
              "vCont;c:p%x.7ffffff0" % t.pid, "vKill;7fffffff", "D;7fffffff",
              "qAttached:7fffffff", "qXfer:auxv:read:7fffffff:0,10"]:
        t.case("bogus thread: %s" % p, p, is_err)

    # --- unknown packets: the empty reply ---
    for p in ["qFooBar", "QFoo:1", "vFooBar", "J", "~", "qXfer:nosuch:read::0,10",
              "vFile:nosuch:1", "Z9,0,4", "qSupportedX", "vContX", "\x7f"]:
        t.case("unknown: %r" % p, p, is_empty)

    # --- the stub's own descriptors are not the client's ---
    # None is open through vFile now: every one is EBADF (9), whatever it
    # is in the stub (stdio, the sockets, /proc/PID/mem, a pipe).
    ebadf = lambda r: r == b"F-1,9"
    for fd in range(0, 64):
        t.case("vFile:pread:%x" % fd, "vFile:pread:%x,10,0" % fd, ebadf)
        t.case("vFile:close:%x" % fd, "vFile:close:%x" % fd, ebadf)
        t.case("vFile:pwrite:%x" % fd, "vFile:pwrite:%x,0,ab" % fd, ebadf)
        t.case("vFile:fstat:%x" % fd, "vFile:fstat:%x" % fd, ebadf)

    # --- a vFile descriptor is the client's, whatever its path says ---
    def meminfo():
        r = t.c.cmd("vFile:open:%s,0,0" % hexs("/proc/meminfo"))
        if not re.fullmatch(rb"F[0-9a-f]+", r):
            return False
        fd = r[1:].decode()
        data = t.c.cmd("vFile:pread:%s,8,0" % fd)
        closed = t.c.cmd("vFile:close:%s" % fd)
        again = t.c.cmd("vFile:pread:%s,8,0" % fd)
        return (data == b"F8;MemTotal" and closed == b"F0" and
                again == b"F-1,9")
    t.case("vFile on /proc/meminfo (a path with /mem)", meminfo, None)

    # --- a client that disconnects mid-packet; the next one finds all ---
    def disconnect(reset):
        def run():
            c().send(b"$m%x,4" % pc)
            c().close(reset=reset)
            t.c = Client(port)
            t.c.handshake()
            return t.c.cmd("?") == t.base[0]
        return run
    t.case("disconnect mid-packet", disconnect(False), None)
    t.case("connection reset mid-packet", disconnect(True), None)

    # --- no-ack mode: a '-' is noise, never a reason to resend (gdbserver
    # ignores acks there; the stub once resent its last reply per '-') ---
    def noack_naks():
        t.c.close()
        t.c = Client(port)
        t.c.handshake()
        if t.c.cmd("QStartNoAckMode") != b"OK":
            return False
        t.c.send(b"-" * 300 + frame(b"?"))
        first = t.c.read_packet(ack=False)
        t.c.sock.settimeout(0.5)
        try:
            extra = t.c.buf + t.c.sock.recv(65536)
        except OSError:
            extra = t.c.buf
        t.c.sock.settimeout(10.0)
        t.c.buf = b""
        good = first == t.base[0] and extra == b""
        if not good:
            print("# no-ack: first reply %r, then %r" % (first[:40], extra[:80]))
        t.c.close()
        t.c = Client(port)
        t.c.handshake()
        return good
    t.case("300 '-' in no-ack mode: no resends", noack_naks, None)

    r = t.c.cmd("vKill;%x" % t.pid)
    if r != b"OK":
        t.failures.append("vKill at the end: %r" % r)
    print("%d malformed inputs, %d answered correctly" % (t.tried, t.ok))
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main())
