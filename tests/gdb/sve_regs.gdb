# needs-cpu: max
# SVE registers at a breakpoint: vg after the program set its vector
# length (256 bits), every lane of z0, a predicate, FFR; a Z lane, a P
# register and a V register written, each reaching the program and
# leaving every other lane and predicate as it was.  GDB 13 reads the
# description once per program (at run), at the length then (512 bits):
# lanes past the thread's own 256 bits read as zero.
a64-connect
break *sve_stop1
break stored
run-to run
check-stop breakpoint
check-reg z0
check-reg p0
check-reg ffr
check-reg vg
check-eq vl_set 32 -- prctl(PR_SVE_SET_VL, 32) returned 32
check-eq $vg 4 -- vg is the thread's own: 256 bits
python
for i in range(8):
    check_eq("$z0.s.u[%d]" % i, i + 1, "z0.s[%d] is %d" % (i, i + 1))
for i in range(8, 16):
    check_eq("$z0.s.u[%d]" % i, 0, "z0.s[%d] past the vector length reads 0" % i)
for i in range(4):
    check_eq("$z1.d.u[%d]" % i, 10 + i, "z1.d[%d] is %d" % (i, 10 + i))
for i, b in enumerate([0x11, 0x01, 0, 0]):
    check_eq("$p1[%d]" % i, b, "p1 byte %d is %#x (ptrue p1.s, vl3)" % (i, b))
for i in range(4):
    check_eq("$p0[%d]" % i, 0x11, "p0 byte %d is 0x11 (ptrue p0.s)" % i)
for i, b in enumerate([0x05, 0, 0, 0]):
    check_eq("$ffr[%d]" % i, b, "ffr byte %d is %#x" % (i, b))
check_eq("$v0.s.u[3]", 4, "v0 is the low 128 bits of z0")
end
# The writes: a Z lane, a P register byte, a V register lane.
set var $z3.s.u[5] = 0xdeadbeef
set var $p4[0] = 0x11
set var $v1.d.u[0] = 0x1111222233334444
maint flush register-cache
check-eq $z3.s.u[5] 0xdeadbeef -- the z3 lane reads back
check-eq $z3.s.u[4] 0x304 -- the z3 lane beside it is unchanged
check-eq $p4[0] 0x11 -- the p4 byte reads back
check-eq $v1.d.u[0] 0x1111222233334444 -- the v1 lane reads back
check-eq $vg 4 -- vg unchanged by the writes
run-to continue
check-stop breakpoint
python
for i in range(8):
    check_eq("z0_out[%d]" % i, i + 1, "the program's z0.s[%d] is still %d" % (i, i + 1))
z3 = [0x300 + i for i in range(8)]
z3[5] = 0xdeadbeef
for i in range(8):
    check_eq("z3_out[%d]" % i, z3[i], "the program's z3.s[%d] is %#x" % (i, z3[i]))
# A V write is an FP/SIMD write: GDB keeps the other 64 bits of v1 and,
# as the architecture does for a NEON write, clears z1 above 128 bits.
z1 = [0x33334444, 0x11112222, 11, 0, 0, 0, 0, 0]
for i in range(8):
    check_eq("z1_out[%d]" % i, z1[i], "the program's z1.s[%d] is %#x" % (i, z1[i]))
for i, b in enumerate([0x11, 0x01, 0, 0]):
    check_eq("p1_out[%d]" % i, b, "the program's p1 byte %d is still %#x" % (i, b))
for i, b in enumerate([0x11, 0, 0, 0]):
    check_eq("p4_out[%d]" % i, b, "the program's p4 byte %d is %#x" % (i, b))
for i, b in enumerate([0x05, 0, 0, 0]):
    check_eq("ffr_out[%d]" % i, b, "the program's ffr byte %d is still %#x" % (i, b))
end
# After a syscall: only FP/SIMD state; a V write reaches the NEON view.
delete
break *sve_stop2
break stored
run-to continue
check-stop breakpoint
check-eq $vg 4 -- vg after the syscall
check-eq $z7.s.u[0] 7 -- z7 low lanes are v7 (movi)
check-eq $z7.s.u[4] 0 -- z7 above 128 bits is zero after a syscall
check-eq $p0[0] 0 -- p0 is zero after a syscall
set var $v7.s.u[2] = 0x7777
run-to continue
check-stop breakpoint
check-eq v7_out[0] 7
check-eq v7_out[1] 7
check-eq v7_out[2] 0x7777 -- the program's v7.s[2] is the value written
check-eq v7_out[3] 7
check-done
