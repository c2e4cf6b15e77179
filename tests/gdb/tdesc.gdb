# The stub's target.xml: GDB learns the aarch64 core, FP/SIMD (or SVE),
# syscall, TLS (tpidr and tpidr2: the kernel's NT_ARM_TLS is 16 bytes on
# 6.1 and 6.12), and on the max CPU pointer-authentication and MTE
# registers, with their sizes and remote numbers, and the osabi.
# A64_CPU (the lane's CPU) says which: cortex-a57 has none of SVE, pauth
# and MTE; QEMU's max has all three, at the kernel's default vector
# length of 512 bits.
a64-connect
break *main
run-to run
check-stop breakpoint
python check(gdb.selected_inferior().architecture().name() == "aarch64", "architecture is aarch64", gdb.selected_inferior().architecture().name())
python check("GNU/Linux" in gdb.execute("show osabi", to_string=True), "osabi is GNU/Linux", gdb.execute("show osabi", to_string=True))
python
import os
MAX = os.environ.get("A64_CPU", "cortex-a57") == "max"
xml = gdb.execute("maint print xml-tdesc", to_string=True)
feats = ["org.gnu.gdb.aarch64.core",
         "org.gnu.gdb.aarch64.sve" if MAX else "org.gnu.gdb.aarch64.fpu",
         "org.a64stub.aarch64.linux.syscall", "org.gnu.gdb.aarch64.tls"]
if MAX:
    feats += ["org.gnu.gdb.aarch64.pauth", "org.gnu.gdb.aarch64.mte"]
for feat in feats:
    check('<feature name="%s">' % feat in xml, "feature %s" % feat)
for feat in ("org.gnu.gdb.aarch64.fpu" if MAX else "org.gnu.gdb.aarch64.sve",):
    check('<feature name="%s">' % feat not in xml, "no feature %s" % feat)
for n in range(31):
    check_reg("x%d" % n)
for r in ("sp", "pc", "cpsr"):
    check_reg(r)
for n in range(32):
    check_reg("v%d" % n)
for r in ("fpsr", "fpcr", "orig_x0", "orig_x7", "syscallno", "tpidr", "tpidr2"):
    check_reg(r)
if MAX:
    for n in range(32):
        check_reg("z%d" % n)
    for n in range(16):
        check_reg("p%d" % n)
    for r in ("ffr", "vg", "pauth_dmask", "pauth_cmask", "tag_ctl"):
        check_reg(r)
# Sizes in bytes, as the XML says.
sizes = {"x0": 8, "x30": 8, "sp": 8, "pc": 8, "cpsr": 4, "v0": 16,
         "v31": 16, "fpsr": 4, "fpcr": 4, "orig_x0": 8, "orig_x7": 8,
         "syscallno": 4, "tpidr": 8, "tpidr2": 8}
if MAX:
    sizes.update({"z0": 64, "z31": 64, "p0": 8, "p15": 8, "ffr": 8, "vg": 8,
                  "pauth_dmask": 8, "pauth_cmask": 8, "tag_ctl": 8})
for r, n in sizes.items():
    got = gdb.parse_and_eval("$" + r).type.sizeof
    check(got == n, "$%s is %d bytes" % (r, n), "got %d" % got)
# Remote register numbers (what p/P use) and offsets in the g/G block,
# in the order of the stub's layout (stub/regs.c).
remote = {}
for line in gdb.execute("maint print remote-registers", to_string=True).splitlines():
    w = line.split()
    if len(w) >= 8 and w[-1].isdigit() and w[-2].isdigit():
        remote[w[0]] = (int(w[-2]), int(w[-1]))
if MAX:
    # z: 64 bytes each from 268; fpsr, fpcr; p0-p15, ffr: 8 bytes each; vg
    want = {"x0": (0, 0), "pc": (32, 256), "cpsr": (33, 264),
            "z0": (34, 268), "z31": (65, 268 + 31 * 64),
            "fpsr": (66, 2316), "fpcr": (67, 2320), "p0": (68, 2324),
            "p15": (83, 2444), "ffr": (84, 2452), "vg": (85, 2460),
            "orig_x0": (86, 2468), "orig_x7": (87, 2476), "syscallno": (88, 2484),
            "tpidr": (89, 2488), "tpidr2": (90, 2496),
            "pauth_dmask": (91, 2504), "pauth_cmask": (92, 2512),
            "tag_ctl": (93, 2520)}
    nregs = 94
else:
    want = {"x0": (0, 0), "x30": (30, 240), "sp": (31, 248), "pc": (32, 256),
            "cpsr": (33, 264), "v0": (34, 268), "v31": (65, 764),
            "fpsr": (66, 780), "fpcr": (67, 784), "orig_x0": (68, 788),
            "orig_x7": (69, 796), "syscallno": (70, 804), "tpidr": (71, 808),
            "tpidr2": (72, 816)}
    nregs = 73
for r, (n, off) in want.items():
    check(remote.get(r) == (n, off), "%s is remote register %d at g offset %d" % (r, n, off),
          "got %s" % (remote.get(r),))
check(len(remote) == nregs, "%d remote registers" % nregs, "got %d" % len(remote))
end
# The registers are live: the pc is main's first instruction, the stack
# is aligned, and the program runs at EL0 with the 64-bit stack pointer.
python
# target.xml itself, as the stub sends it: one xi:include per feature.
r = gdb.execute("maint packet qXfer:features:read:target.xml:0,fff", to_string=True)
check('received: "l<?xml' in r, "target.xml comes whole in one reply", r[:300])
files = ["aarch64-core.xml", "aarch64-sve.xml" if MAX else "aarch64-fpu.xml",
         "a64stub-syscall.xml", "aarch64-tls2.xml"]
if MAX:
    files += ["aarch64-pauth.xml", "aarch64-mte.xml"]
for f in files:
    check('<xi:include href="%s"/>' % f in r, "target.xml includes %s" % f)
check(r.count("<xi:include") == len(files), "target.xml includes %d files" % len(files), r)
r = gdb.execute("maint packet qXfer:features:read:nosuch.xml:0,fff", to_string=True)
check('received: "E02"' in r, "an unknown annex is ENOENT", r)
end
check-eq $pc (long)main
check-eq (long)$sp%16 0
check-eq $cpsr&0xf 0 -- cpsr says EL0t
check-done
