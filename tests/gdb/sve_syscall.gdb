# needs-cpu: max
# SVE at a syscall's entry and return stops: GDB shows what the program
# will have (the low 128 bits of each Z; the rest, P and FFR zero, as the
# kernel left them at the svc), and writes at either stop reach it.
a64-connect
break main
run-to run
check-stop breakpoint
catch syscall getppid
run-to continue
check-stop syscall-entry getppid
check-eq $vg 4
python
for i in range(4):
    check_eq("$z0.s.u[%d]" % i, i + 1, "entry: z0.s[%d] is %d (kept)" % (i, i + 1))
    check_eq("$z1.s.u[%d]" % i, 20 + i, "entry: z1.s[%d] is %d (kept)" % (i, 20 + i))
for i in range(4, 8):
    check_eq("$z0.s.u[%d]" % i, 0, "entry: z0.s[%d] is 0 (dropped by the syscall)" % i)
    check_eq("$z1.s.u[%d]" % i, 0, "entry: z1.s[%d] is 0 (dropped by the syscall)" % i)
for i in range(4):
    check_eq("$p0[%d]" % i, 0, "entry: p0 byte %d is 0 (dropped by the syscall)" % i)
end
# A write at the entry stop: the syscall is made after the kernel dropped
# the state, so it stays; also with an x7 write after it, for which the
# stub on a stock kernel runs the svc again (the lane is put back).
set var $z1.s.u[7] = 0x7777
set var $x7 = 0x5555
run-to continue
check-stop syscall-return getppid
set var $ppid = $x0
check-eq $z1.s.u[7] 0x7777 -- return: the lane written at entry is still there
check-eq $z0.s.u[3] 4 -- return: z0.s[3] kept
check-eq $z0.s.u[5] 0 -- return: z0.s[5] still 0
check-eq $p0[0] 0 -- return: p0 still 0
check-eq $orig_x7 0x5555 -- return: the x7 written at entry
# Writes at the return stop reach the program.
set var $z0.s.u[6] = 0xabcd
set var $p0[0] = 0x11
delete
break stored
run-to continue
check-stop breakpoint
python
z0 = [1, 2, 3, 4, 0, 0, 0xabcd, 0]
z1 = [20, 21, 22, 23, 0, 0, 0, 0x7777]
for i in range(8):
    check_eq("z0_out[%d]" % i, z0[i], "the program's z0.s[%d] is %#x" % (i, z0[i]))
    check_eq("z1_out[%d]" % i, z1[i], "the program's z1.s[%d] is %#x" % (i, z1[i]))
for i, b in enumerate([0x11, 0, 0, 0]):
    check_eq("p0_out[%d]" % i, b, "the program's p0 byte %d is %#x" % (i, b))
end
check-eq ppid $ppid -- the program got the return value GDB saw
check-done
