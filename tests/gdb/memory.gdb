# Memory: reads of globals, a heap buffer and an 80 KiB array (many m
# packets) are exact; unmapped memory is an error and a read that runs
# off a mapping returns the readable part; the stub hides its breakpoints
# from reads.  Writes to data (X and M packets, every byte value) and to
# code reach the program.
a64-connect
set breakpoint always-inserted on
break wrote
break *verified
run-to run
check-stop breakpoint
up
check-eq gword 0x11223344
python check_str("gstr", "hello, world")
check-eq heap[0] 255
check-eq heap[255] 0
python
inf = gdb.selected_inferior()
def addr(expr):
    return int(gdb.parse_and_eval(expr))
got = bytes(inf.read_memory(addr("heap"), 256))
check(got == bytes(255 - i for i in range(256)), "the heap buffer reads back")
size = int(gdb.parse_and_eval("sizeof(big)"))
check(size == 80 * 1024 + 13, "big is 80 KiB + 13", str(size))
want = bytes((i * 31 + (i >> 8)) & 0xff for i in range(size))
got = bytes(inf.read_memory(addr("&big"), size))
bad = [i for i in range(size) if got[i] != want[i]]
check(len(got) == size and not bad, "all of big reads back in one read", "first bad byte at %s" % bad[:1])
out = gdb.execute("x/8xb &big[65536]", to_string=True)
check(out.split(":", 1)[1].split() == ["0x%02x" % want[65536 + i] for i in range(8)],
      "x/8xb past 64 KiB", out)
# Unmapped memory: an error, not zeros.
for a in (0, addr("edge") + 4096):
    try:
        inf.read_memory(a, 4)
        check(False, "reading %#x fails" % a)
    except gdb.MemoryError:
        check(True, "reading %#x fails" % a)
# A read that runs off the end of a mapping: the stub returns what it can.
r = gdb.execute("maint packet m%x,8" % (addr("edge") + 4092), to_string=True)
check('received: "eeeeeeee"' in r, "m across the end of a mapping returns 4 bytes", r)
# verified() has a breakpoint in it (always-inserted): the stub's raw
# reply shows the instruction, not the BRK.
pc = addr("(long)verified")
gdb.execute("break *%#x" % pc)
r = gdb.execute("maint packet m%x,4" % pc, to_string=True)
insn = bytes(inf.read_memory(pc, 4)).hex()
check('received: "%s"' % insn in r and insn != "000020d4", "m hides an inserted breakpoint", r + " insn " + insn)
gdb.execute("delete %d" % gdb.breakpoints()[-1].number)

# Writes.
gdb.execute("set var gword = 0xcafef00d")
inf.write_memory(addr("&gstr"), b"JELLO\0")
gdb.execute("set var *(unsigned int *)heap = 0xefbeadde")
gdb.execute("set var big[70000] = 0x5a")
# wbuf: the first half with X packets (binary: every byte value, '$', '#',
# '}' and '*' escaped), the second half with M packets (hex).
pattern = bytes((i * 7 + 1) & 0xff for i in range(5000))
inf.write_memory(addr("&wbuf"), pattern[:2500])
gdb.execute("set remote X-packet off")
inf.write_memory(addr("&wbuf") + 2500, pattern[2500:])
gdb.execute("set remote X-packet on")
# ret7 is "mov w0, #7; ret": make it "mov w0, #9".
check_eq("*(unsigned int *)ret7", 0x528000e0, "ret7 starts with mov w0, #7")
gdb.execute("set var *(unsigned int *)ret7 = 0x52800120")
try:
    inf.write_memory(0, b"x")
    check(False, "writing to 0 fails")
except gdb.MemoryError:
    check(True, "writing to 0 fails")
gdb.execute("maint flush dcache")
check_eq("gword", 0xcafef00d, "gword reads back")
check_str("gstr", "JELLO")
end
run-to continue
check-stop breakpoint
up
check-eq seen_gword 0xcafef00d
python check_str("seen_gstr", "JELLO")
check-eq seen_gstr[6] 32 -- the rest of gstr is as it was
check-eq seen_heap[0] 0xde
check-eq seen_heap[3] 0xef
check-eq seen_heap[4] 251
check-eq big_bad 1 -- one byte of big changed
check-eq big_first_bad 70000
check-eq wbuf_bad 0 -- every byte of the 5000-byte write arrived
check-eq seen_ret 9 -- the patched code ran
check-eq seen_code 0xd4200000 -- the program sees the BRK the stub inserted
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
