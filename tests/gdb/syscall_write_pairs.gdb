# Register writes at syscall stops all take effect, whatever their order
# (issue 18, fault 3: an x0 write at an exit stop was lost when x7 was
# written after it).  Every ordered pair of two different registers among
# x0, x7, orig_x0, orig_x7, syscallno and x5 (and each one alone) is
# written at the entry stop of one `write` and at the exit stop of
# another, each register with its own magic value.  Right after the two
# writes the registers must read back as the contract says; at the end the
# program's witness (syscall_write_pairs.c) must show that the program and
# the syscall really got them:
#   entry: x0 and orig_x0 are one register there (orig_x0 follows x0: the
#          kernel copies x0 into orig_x0 when the stop ends), so the last
#          one written is the fd the call writes to (pipe B for x0, C for
#          orig_x0); syscallno 23 makes it dup(fd); x7/orig_x7 (last one
#          written) and x5 are the program's after the svc.
#   exit:  x0 is the result; orig_x0 and syscallno read back as written
#          and change nothing else; x7/orig_x7 and x5 as at entry; the
#          write ran exactly once (one byte in pipe A).
a64-connect
break main
run-to run
check-stop breakpoint
delete
python
REGS = ["x0", "x7", "orig_x0", "orig_x7", "syscallno", "x5"]
X5_OWN, X7_OWN = 0x5050505050505050, 0x7070707070707070
CASES = []
for stop in ("entry", "exit"):
    for a in REGS:
        CASES.append((stop, (a,)))
        for b in REGS:
            if a != b:
                CASES.append((stop, (a, b)))
gdb.execute("set var ncases = %d" % len(CASES))
gdb.execute("break step")
run_to("continue")
fd = [int(gdb.parse_and_eval("pipes[%d][1]" % p)) for p in range(3)]
gdb.execute("delete")
MAGIC = {
    "entry": {"x0": fd[1], "orig_x0": fd[2], "x7": 0xa7a7a7a7a7a7a7a7,
              "orig_x7": 0xb7b7b7b7b7b7b7b7, "syscallno": 23,
              "x5": 0xa5a5a5a5a5a5a5a5},
    "exit": {"x0": 0x1234567800000077, "orig_x0": 0x0badc0de0badc0de,
             "x7": 0xc7c7c7c7c7c7c7c7, "orig_x7": 0xd7d7d7d7d7d7d7d7,
             "syscallno": 172, "x5": 0xc5c5c5c5c5c5c5c5},
}
M64 = (1 << 64) - 1

def last_of(writes, names, stop, default):
    """The value of the last register of NAMES written, else DEFAULT."""
    val = default
    for r in writes:
        if r in names:
            val = MAGIC[stop][r]
    return val

def expect(stop, writes):
    """(registers right after the writes, witness) as the contract says."""
    m = MAGIC[stop]
    get = lambda r, d: m[r] if r in writes else d
    x7 = last_of(writes, ("x7", "orig_x7"), stop, X7_OWN)
    if stop == "entry":
        a0 = last_of(writes, ("x0", "orig_x0"), stop, fd[0])
        regs = {"x0": a0, "orig_x0": a0, "x7": 0, "orig_x7": x7,
                "syscallno": get("syscallno", 64), "x5": get("x5", X5_OWN)}
        pipe = fd.index(a0)
        if "syscallno" in writes:
            wit = {"bytes": [0, 0, 0], "dup_of": pipe + 1}
        else:
            wit = {"ret": 1, "bytes": [int(p == pipe) for p in range(3)],
                   "dup_of": 0}
    else:
        regs = {"x0": get("x0", 1), "orig_x0": get("orig_x0", fd[0]),
                "x7": 1, "orig_x7": x7, "syscallno": get("syscallno", 64),
                "x5": get("x5", X5_OWN)}
        wit = {"ret": get("x0", 1), "bytes": [1, 0, 0], "dup_of": 0}
    wit["x5"] = regs["x5"]
    wit["x7"] = x7
    return regs, wit

def reg_now(r):
    v = int(gdb.parse_and_eval("$" + r))
    return v & (0xffffffff if r == "syscallno" else M64)

def write_regs(i, stop, writes):
    for r in writes:
        gdb.execute("set $%s = %#x" % (r, MAGIC[stop][r]))
    gdb.execute("maint flush register-cache")
    want, _ = expect(stop, writes)
    got = {r: reg_now(r) for r in REGS}
    bad = ["%s=%#x (expected %#x)" % (r, got[r], want[r] & M64)
           for r in REGS if got[r] != want[r] & M64]
    check(not bad, "case %d (%s: %s): registers read back" %
          (i, stop, " then ".join(writes)), ", ".join(bad))

end
catch syscall write dup getpid
python
stops_ok = []
for i, (stop, writes) in enumerate(CASES):
    kind, name = run_to("continue")
    if kind != "syscall-entry":
        stops_ok.append("case %d: %s %s, expected an entry stop" % (i, kind, name))
        break
    if stop == "entry":
        write_regs(i, stop, writes)
    kind, name = run_to("continue")
    if kind != "syscall-return":
        stops_ok.append("case %d: %s %s, expected a return stop" % (i, kind, name))
        break
    if stop == "exit":
        write_regs(i, stop, writes)
check(not stops_ok, "%d cases: an entry then a return stop each" % len(CASES),
      "; ".join(stops_ok))
end
delete
break done
run-to continue
check-stop breakpoint
python
for i, (stop, writes) in enumerate(CASES):
    _, want = expect(stop, writes)
    w = "w[%d]." % i
    got = {"ret": int(gdb.parse_and_eval(w + "ret")),
           "x5": int(gdb.parse_and_eval(w + "x5")) & M64,
           "x7": int(gdb.parse_and_eval(w + "x7")) & M64,
           "bytes": [int(gdb.parse_and_eval(w + "bytes[%d]" % p)) for p in range(3)],
           "dup_of": int(gdb.parse_and_eval(w + "dup_of"))}
    if "ret" not in want:	# dup: some new descriptor
        got.pop("ret")
    else:
        got["ret"] &= M64
    bad = ["%s=%s (expected %s)" % (k, hex(got[k]) if isinstance(got[k], int) else got[k],
                                    hex(want[k]) if isinstance(want[k], int) else want[k])
           for k in got if got[k] != want[k]]
    check(not bad, "case %d (%s: %s): the program got it" %
          (i, stop, " then ".join(writes)), ", ".join(bad))
end
check-done
