# The stub's target.xml: GDB learns the aarch64 core, FP/SIMD, syscall
# and TLS registers with their sizes and remote numbers, and the osabi.
a64-connect
break *main
run-to run
check-stop breakpoint
python check(gdb.selected_inferior().architecture().name() == "aarch64", "architecture is aarch64", gdb.selected_inferior().architecture().name())
python check("GNU/Linux" in gdb.execute("show osabi", to_string=True), "osabi is GNU/Linux", gdb.execute("show osabi", to_string=True))
python
xml = gdb.execute("maint print xml-tdesc", to_string=True)
for feat in ("org.gnu.gdb.aarch64.core", "org.gnu.gdb.aarch64.fpu",
             "org.a64stub.aarch64.linux.syscall", "org.gnu.gdb.aarch64.tls"):
    check('<feature name="%s">' % feat in xml, "feature %s" % feat)
for n in range(31):
    check_reg("x%d" % n)
for r in ("sp", "pc", "cpsr"):
    check_reg(r)
for n in range(32):
    check_reg("v%d" % n)
for r in ("fpsr", "fpcr", "orig_x0", "orig_x7", "syscallno", "tpidr"):
    check_reg(r)
# Sizes in bytes, as the XML says.
sizes = {"x0": 8, "x30": 8, "sp": 8, "pc": 8, "cpsr": 4, "v0": 16,
         "v31": 16, "fpsr": 4, "fpcr": 4, "orig_x0": 8, "orig_x7": 8,
         "syscallno": 4, "tpidr": 8}
for r, n in sizes.items():
    got = gdb.parse_and_eval("$" + r).type.sizeof
    check(got == n, "$%s is %d bytes" % (r, n), "got %d" % got)
# Remote register numbers (what p/P use) and offsets in the g/G block,
# in the order of stub/arm64.c's table.
remote = {}
for line in gdb.execute("maint print remote-registers", to_string=True).splitlines():
    w = line.split()
    if len(w) >= 8 and w[-1].isdigit() and w[-2].isdigit():
        remote[w[0]] = (int(w[-2]), int(w[-1]))
want = {"x0": (0, 0), "x30": (30, 240), "sp": (31, 248), "pc": (32, 256),
        "cpsr": (33, 264), "v0": (34, 268), "v31": (65, 764),
        "fpsr": (66, 780), "fpcr": (67, 784), "orig_x0": (68, 788),
        "orig_x7": (69, 796), "syscallno": (70, 804), "tpidr": (71, 808)}
for r, (n, off) in want.items():
    check(remote.get(r) == (n, off), "%s is remote register %d at g offset %d" % (r, n, off),
          "got %s" % (remote.get(r),))
check(len(remote) == 72, "72 remote registers", "got %d" % len(remote))
end
# The registers are live: the pc is main's first instruction, the stack
# is aligned, and the program runs at EL0 with the 64-bit stack pointer.
python
# target.xml itself, as the stub sends it: one xi:include per feature.
r = gdb.execute("maint packet qXfer:features:read:target.xml:0,fff", to_string=True)
check('received: "l<?xml' in r, "target.xml comes whole in one reply", r[:300])
for f in ("aarch64-core.xml", "aarch64-fpu.xml", "a64stub-syscall.xml", "aarch64-tls.xml"):
    check('<xi:include href="%s"/>' % f in r, "target.xml includes %s" % f)
r = gdb.execute("maint packet qXfer:features:read:nosuch.xml:0,fff", to_string=True)
check('received: "E02"' in r, "an unknown annex is ENOENT", r)
end
check-eq $pc (long)main
check-eq (long)$sp%16 0
check-eq $cpsr&0xf 0 -- cpsr says EL0t
check-done
