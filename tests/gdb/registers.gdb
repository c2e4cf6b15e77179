# Register writes: at regprobe_bp GDB writes x0-x30, v0-v31 (128 bits
# each), cpsr's flags, fpsr, fpcr and tpidr, half with P packets and half
# with a G packet.  Each reads back after GDB drops its register cache, and
# again after a single-step (a round trip through the kernel); the program
# then finds every value in its registers.  Writes to pc and sp reach it too.
a64-connect
break *regprobe_bp
break *pcprobe_bp
break *spprobe_bp
break checked
run-to run
check-stop breakpoint
check-eq $pc (long)&regprobe_bp
python
def xval(n):
    return 0x5a00000000000000 | (n << 48) | (n << 32) | (0xdead0000 + n)
def vlo(n):
    return 0x7600000000000000 | (n << 40) | 0x0123456789
def vhi(n):
    return 0x8800000000000000 | (n << 40) | 0xfedcba9876
FLAGS = 0xa0000000	# N and C
FPSR = 0x0800009f	# QC, IDC, IXC, UFC, OFC, DZC, IOC
FPCR = 0x07c00000	# AHP, DN, FZ, RMode = towards zero
TPIDR = 0x0000123456789abc

def write_regs(xs, vs):
    for n in xs:
        gdb.execute("set $x%d = %#x" % (n, xval(n)))
    for n in vs:
        gdb.execute("set $v%d.d.u[0] = %#x" % (n, vlo(n)))
        gdb.execute("set $v%d.d.u[1] = %#x" % (n, vhi(n)))

def check_regs(when):
    for n in range(31):
        check_eq("$x%d" % n, xval(n), "x%d reads back %s" % (n, when))
    for n in range(32):
        check_eq("$v%d.d.u[0]" % n, vlo(n), "v%d low half reads back %s" % (n, when))
        check_eq("$v%d.d.u[1]" % n, vhi(n), "v%d high half reads back %s" % (n, when))
    check_eq("$v7.s.u[1]", vlo(7) >> 32, "v7.s.u[1] is bits 32-63 %s" % when)
    check_eq("$v7.b.u[15]", 0x88, "v7.b.u[15] is the top byte %s" % when)
    check_eq("$cpsr & 0xf0000000", FLAGS, "cpsr flags read back %s" % when)
    check_eq("$fpsr", FPSR, "fpsr reads back %s" % when)
    check_eq("$fpcr", FPCR, "fpcr reads back %s" % when)
    check_eq("$tpidr", TPIDR, "tpidr reads back %s" % when)

# x0-x15 and v0-v15 with P packets...
write_regs(range(16), range(16))
# ... the rest with G, which carries every register at once.
gdb.execute("set remote set-register-packet off")
write_regs(range(16, 31), range(16, 32))
gdb.execute("set $cpsr = ($cpsr & 0x0fffffff) | %#x" % FLAGS)
gdb.execute("set $fpsr = %#x" % FPSR)
gdb.execute("set $fpcr = %#x" % FPCR)
gdb.execute("set $tpidr = %#x" % TPIDR)
gdb.execute("set remote set-register-packet on")
gdb.execute("maint flush register-cache")
check_regs("from the stub")
end
# The nop at regprobe_bp changes nothing: the values went to the kernel
# before the step and come back from it after.
run-to stepi
check-eq $pc (long)&regprobe_bp+4
python check_regs("after a step")
run-to continue
check-stop breakpoint
check-eq $pc (long)&pcprobe_bp
set $pc = (long)&pcprobe_alt
run-to continue
check-stop breakpoint
check-eq $pc (long)&spprobe_bp
set $want_sp = $sp - 64
set $sp = $want_sp
run-to continue
check-stop breakpoint
python
for n in range(31):
    check_eq("seen_x[%d]" % n, xval(n), "the program saw x%d" % n)
for n in range(32):
    check_eq("seen_v[%d]" % (2 * n), vlo(n), "the program saw v%d's low half" % n)
    check_eq("seen_v[%d]" % (2 * n + 1), vhi(n), "the program saw v%d's high half" % n)
check_eq("seen_sys[0]", FLAGS, "the program saw NZCV")
check_eq("seen_sys[1]", FPSR, "the program saw FPSR")
check_eq("seen_sys[2]", FPCR, "the program saw FPCR")
check_eq("seen_sys[3]", TPIDR, "the program saw TPIDR_EL0")
end
check-eq pc_result 2 -- the program ran from the pc GDB set
check-eq seen_sp (long)$want_sp -- the program saw the sp GDB set
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
