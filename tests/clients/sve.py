#!/usr/bin/env python3
"""SVE registers in the clients (VM_CPU=max lane only): GDB/MI lists z0-z31,
p0-p15, ffr and vg and evaluates their lanes; then GDB disconnects, leaving
the program stopped in the --multi stub, and LLDB (gdb-remote) finds it and
reads vg and z0 from the same target description.

The program is the GDB suite's sve_regs, stopped at sve_stop1 with z0.s =
1..8 at a 256-bit vector length (vg 4), in a description of the length at
run (512 bits).  GDB 13 shows 64-byte Z registers, zero past the thread's
256 bits; LLDB 14 resizes them to vg (32 bytes), and writes them at that
size, which the stub takes.  Elsewhere the test says SKIP (exit 77)."""
import os
import re
import shutil
import subprocess
import sys

import lib
from lib import MI, PORT

PROG = "sve_regs"
HOST = os.path.join(lib.BUILD, "extra", PROG)
GUEST = lib.GUEST_DIR + "/" + PROG


def done(c, mi, command, cls="done"):
    r = mi.cmd(command)
    c.eq(r["class"], cls, "%s: ^%s" % (command, cls))
    return r


def gdb_mi(c):
    mi = MI(c.note)
    try:
        done(c, mi, "-gdb-set startup-with-shell off")
        done(c, mi, "-gdb-set sysroot %s/sysroot" % lib.BUILD)
        done(c, mi, "-file-exec-and-symbols %s" % HOST)
        done(c, mi, "-target-select extended-remote 127.0.0.1:%d" % PORT, "connected")
        done(c, mi, "-gdb-set remote exec-file %s" % GUEST)
        done(c, mi, "-break-insert *sve_stop1")
        done(c, mi, "-exec-run", "running")
        st = mi.wait_exec()["results"]
        c.eq(st.get("reason"), "breakpoint-hit", "*stopped at sve_stop1")
        names = done(c, mi, "-data-list-register-names")["results"]["register-names"]
        want = (["z%d" % i for i in range(32)] + ["p%d" % i for i in range(16)] +
                ["ffr", "vg", "orig_x0", "orig_x7", "syscallno", "pauth_dmask",
                 "pauth_cmask", "tag_ctl", "tpidr2"])
        missing = [n for n in want if n not in names]
        c.eq(missing, [], "-data-list-register-names has the SVE, pauth, MTE and syscall registers")
        vals = lib.register_values(mi, ["vg"])
        c.eq(vals.get("vg"), 4, "-data-list-register-values: vg is 4")
        for expr, want in (("$z0.s.u[0]", "1"), ("$z0.s.u[7]", "8"), ("$z0.s.u[8]", "0"),
                           ("$p1[0]", "17"), ("$v0.s.u[3]", "4")):
            r = done(c, mi, "-data-evaluate-expression %s" % expr)
            c.eq(r["results"].get("value"), want, "-data-evaluate-expression %s" % expr)
        # Leave the program stopped in the stub for LLDB.
        done(c, mi, "-interpreter-exec console disconnect")
    finally:
        mi.close()


def lldb(c):
    exe = shutil.which("lldb") or shutil.which("lldb-14")
    if not c.check(exe is not None, "lldb is installed (make deps)"):
        return
    z3 = " ".join("0x%02x" % (0x40 + i) for i in range(32))
    cmds = ["target create %s" % HOST, "gdb-remote 127.0.0.1:%d" % PORT,
            "register read vg", "register read z0", "register read p1",
            'register write z3 "{%s}"' % z3,
            "breakpoint set -n stored", "continue",
            "expression -f x -- z3_out[0]", "expression -f x -- z3_out[7]",
            "expression -f x -- z0_out[7]", "process kill"]
    script = os.path.join(lib.LOGDIR, "clients-sve-lldb.cmds")
    with open(script, "w") as f:
        f.write("".join(x + "\n" for x in cmds))
    p = subprocess.run([exe, "-b", "-x", "-s", script], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       errors="replace", timeout=300)
    c.note(p.stdout)
    m = re.search(r"^\s*vg = (0x[0-9a-f]+)", p.stdout, re.M)
    c.eq(int(m.group(1), 16) if m else None, 4, "LLDB: vg is 4")
    m = re.search(r"^\s*z0 = \{([^}]*)\}", p.stdout, re.M)
    got = [int(b, 16) for b in m.group(1).split()] if m else []
    want = []
    for i in range(8):
        want += [i + 1, 0, 0, 0]
    c.eq(got, want, "LLDB: z0 is s lanes 1..8, 32 bytes (LLDB sizes Z by vg)")
    m = re.search(r"^\s*p1 = (0x[0-9a-f]+)", p.stdout, re.M)
    c.eq(int(m.group(1), 16) if m else None, 0x0111, "LLDB: p1 is ptrue p1.s, vl3")
    vals = [int(v, 16) for v in re.findall(r"^\(\w+\) \$\d+ = (0x[0-9a-f]+)", p.stdout, re.M)]
    c.eq(vals, [0x43424140, 0x5f5e5d5c, 8],
         "LLDB's 32-byte z3 write reached the program (z3_out[0], [7]); z0 kept")


def body(c):
    gdb_mi(c)
    lldb(c)


if __name__ == "__main__":
    if os.environ.get("A64_CPU", "cortex-a57") != "max":
        print("SKIP clients/sve [%s] (needs VM_CPU=max)" % lib.LANE)
        sys.exit(77)
    lib.main("sve", body)
