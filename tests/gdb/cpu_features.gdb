# needs-cpu: max
# The guest's CPU on the VM_CPU=max lane: the kernel gives the program SVE,
# pointer authentication (address and generic keys) and MTE in AT_HWCAP
# and AT_HWCAP2 (asm/hwcap.h bits), an SVE vector length, and the stub's
# auxv (qXfer:auxv:read, `info auxv`) holds the same two words.
a64-connect
break seen
run-to run
check-stop breakpoint
python
HWCAP_SVE = 1 << 22
HWCAP_PACA = 1 << 30
HWCAP_PACG = 1 << 31
HWCAP2_MTE = 1 << 18
hw = int(gdb.parse_and_eval("hwcap"))
hw2 = int(gdb.parse_and_eval("hwcap2"))
for bit, name in ((HWCAP_SVE, "HWCAP_SVE"), (HWCAP_PACA, "HWCAP_PACA"), (HWCAP_PACG, "HWCAP_PACG")):
    check(hw & bit == bit, "AT_HWCAP has %s" % name, "%#x" % hw)
check(hw2 & HWCAP2_MTE == HWCAP2_MTE, "AT_HWCAP2 has HWCAP2_MTE", "%#x" % hw2)
# QEMU's max CPU on TCG: 2048-bit vectors at most; Linux's default length
# for a new program is 64 bytes (512 bits) unless the CPU's maximum is less.
vl = int(gdb.parse_and_eval("sve_vl"))
check(vl == 64, "the program's SVE vector length is 64 bytes", str(vl))
auxv = {}
for line in gdb.execute("info auxv", to_string=True).splitlines():
    f = line.split()
    if len(f) >= 2 and f[0].isdigit():
        auxv[int(f[0])] = f[-1]
check(int(auxv.get(16, "-1"), 0) == hw, "info auxv AT_HWCAP (16) is the program's", str(auxv.get(16)))
check(int(auxv.get(26, "-1"), 0) == hw2, "info auxv AT_HWCAP2 (26) is the program's", str(auxv.get(26)))
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
