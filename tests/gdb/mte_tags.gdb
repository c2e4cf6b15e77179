# needs-cpu: max
# MTE: logical and allocation tags read, allocation tags written over
# four granules across a page boundary (read back by the program with
# ldg), a synchronous tag-check fault decoded by GDB, memory-tag check.
# (QEMU 7.2 keeps two tags per page, even and odd granules: see the
# program's comment; nothing here depends on more.)
a64-connect
break tagged
break checked
run-to run
check-stop breakpoint
check-reg tag_ctl
up
python
def out(cmd):
    return gdb.execute(cmd, to_string=True)
r = out("memory-tag print-logical-tag p7")
check(r.strip().endswith("= 0x7"), "logical tag of p7 is 0x7", r)
r = out("memory-tag print-allocation-tag p7")
check(r.strip().endswith("= 0x7"), "allocation tag of p7 is 0x7", r)
r = out("memory-tag print-allocation-tag p7 + 48")
check(r.strip().endswith("= 0x7"), "allocation tag of granule 3 is 0x7", r)
r = out("memory-tag print-allocation-tag buf + 4096")
check(r.strip().endswith("= 0x0"), "allocation tag of page 2 is 0x0", r)
r = out("memory-tag check p7 + 32")
check("match" in r and "0x7" in r, "memory-tag check p7+32 matches (0x7)", r)
r = out("memory-tag check buf + 16")
check("mismatch" in r or "do not match" in r or "don't match" in r or "Logical tag" in r,
      "memory-tag check of an untagged pointer into a tag-7 granule reports the mismatch", r)
# tag_ctl: what prctl(PR_SET_TAGGED_ADDR_CTRL) set
check_eq("$tag_ctl", 0x1 | 0x2 | (0xfffe << 3), "tag_ctl is what prctl set")
# Four granules across the page boundary, tags 1 2 1 2 (the two given repeat).
out("memory-tag set-allocation-tag buf+8192-32 64 0102")
for i, t in enumerate([1, 2, 1, 2]):
    r = out("memory-tag print-allocation-tag buf + 8192 - 32 + %d" % (16 * i))
    check(r.strip().endswith("= 0x%x" % t), "granule %d across the page boundary reads back %d" % (i, t), r)
end
run-to continue
check-stop breakpoint
check-eq tags_after[0] 1 -- the program's ldg sees tag 1
check-eq tags_after[1] 2 -- ... 2
check-eq tags_after[2] 1 -- ... 1 (second page)
check-eq tags_after[3] 2 -- ... 2
run-to continue
check-stop signal SIGSEGV
check-output Memory tag violation
check-output Allocation tag 0x7
check-output Logical tag 0x5
check-eq $_siginfo.si_code 9 -- si_code is SEGV_MTESERR
python
a = int(gdb.parse_and_eval("(unsigned long)$_siginfo._sifields._sigfault.si_addr"))
p5 = int(gdb.parse_and_eval("(unsigned long)p5"))
check(a == p5 + 16, "si_addr is p5 + 16, logical tag 5 included", "%#x vs %#x" % (a, p5 + 16))
check(a >> 56 & 0xf == 5, "si_addr carries the logical tag 5", hex(a))
check_line("L:fault")
end
kill
check-done
