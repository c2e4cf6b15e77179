#!/usr/bin/env python3
"""GDB/MI as an IDE drives it: gdb-multiarch --interpreter=mi3 against the
--multi stub (extended-remote), every record parsed (lib.parse_record).

Runs clients_prog to main, catches write(2) with a console command, and
reads the syscall registers at the entry and return stops through
-data-list-register-names/-values and -data-evaluate-expression, then
breaks in add(), steps, and lets the program exit with 42."""
import lib
from lib import GUEST_PROG, HOST_PROG, MI, PORT, X7_MAGIC, register_values


def body(c):
    mi = MI(c.note)
    try:
        session(c, mi)
    finally:
        mi.close()


def done(c, mi, command, cls="done"):
    r = mi.cmd(command)
    c.eq(r["class"], cls, "%s: ^%s" % (command, cls))
    return r


def session(c, mi):
    done(c, mi, "-gdb-set startup-with-shell off")
    done(c, mi, "-gdb-set sysroot %s/sysroot" % lib.BUILD)
    done(c, mi, "-file-exec-and-symbols %s" % HOST_PROG)
    done(c, mi, "-target-select extended-remote 127.0.0.1:%d" % PORT, "connected")
    done(c, mi, "-gdb-set remote exec-file %s" % GUEST_PROG)

    r = done(c, mi, "-break-insert main")
    bkpt = r["results"].get("bkpt", {})
    c.eq(bkpt.get("func"), "main", "the breakpoint is in main")
    done(c, mi, "-exec-run", "running")
    st = mi.wait_exec()["results"]
    c.eq(st.get("reason"), "breakpoint-hit", "*stopped at main: reason")
    c.eq(st.get("bkptno"), bkpt.get("number"), "*stopped at main: bkptno")
    c.eq(st.get("frame", {}).get("func"), "main", "*stopped at main: frame.func")

    # The register list names the syscall registers.
    names = mi.cmd("-data-list-register-names")["results"]["register-names"]
    for n in ("orig_x0", "orig_x7", "syscallno"):
        c.check(n in names, "-data-list-register-names lists %s" % n)
    c.check(names.index("orig_x0") + 1 == names.index("orig_x7") and
            names.index("orig_x7") + 1 == names.index("syscallno"),
            "orig_x0, orig_x7, syscallno are consecutive numbers",
            "at %s" % [names.index(n) for n in ("orig_x0", "orig_x7", "syscallno") if n in names])

    # A console command, as an IDE's debug console sends it.
    r = done(c, mi, '-interpreter-exec console "catch syscall write"')
    c.check("Catchpoint" in mi.console(), "catch syscall write: the console says Catchpoint")

    done(c, mi, "-exec-continue", "running")
    st = mi.wait_exec()["results"]
    c.eq(st.get("reason"), "syscall-entry", "*stopped at the write: reason")
    c.eq(st.get("syscall-name"), "write", "*stopped at the write: syscall-name")
    c.eq(st.get("syscall-number"), "64", "*stopped at the write: syscall-number")
    regs = register_values(mi, ["x0", "x2", "x7", "orig_x0", "orig_x7", "syscallno"])
    c.eq(regs.get("x7"), 0, "entry: x7 is the kernel's marker 0")
    c.eq(regs.get("orig_x7"), X7_MAGIC, "entry: orig_x7 is the real x7")
    c.eq(regs.get("orig_x0"), 1, "entry: orig_x0 is the fd")
    c.eq(regs.get("x0"), 1, "entry: x0 is the fd")
    c.eq(regs.get("x2"), 15, "entry: x2 is the length")
    c.eq(regs.get("syscallno"), 64, "entry: syscallno is write's")
    r = done(c, mi, "-data-evaluate-expression $orig_x7")
    c.eq(r["results"].get("value"), str(X7_MAGIC), "-data-evaluate-expression $orig_x7")
    r = done(c, mi, "-data-evaluate-expression $x7")
    c.eq(r["results"].get("value"), "0", "-data-evaluate-expression $x7")

    done(c, mi, "-exec-continue", "running")
    st = mi.wait_exec()["results"]
    c.eq(st.get("reason"), "syscall-return", "*stopped after the write: reason")
    c.eq(st.get("syscall-name"), "write", "*stopped after the write: syscall-name")
    regs = register_values(mi, ["x0", "x7", "orig_x0", "orig_x7"])
    c.eq(regs.get("x0"), 15, "return: x0 is the result")
    c.eq(regs.get("x7"), 1, "return: x7 is the kernel's marker 1")
    c.eq(regs.get("orig_x0"), 1, "return: orig_x0 is still the fd")
    c.eq(regs.get("orig_x7"), X7_MAGIC, "return: orig_x7 is the real x7")

    # Break in add(), step a line, as an IDE's step button does.
    done(c, mi, "-break-delete")
    r = done(c, mi, "-break-insert add")
    done(c, mi, "-exec-continue", "running")
    st = mi.wait_exec()["results"]
    c.eq(st.get("reason"), "breakpoint-hit", "*stopped in add: reason")
    c.eq(st.get("frame", {}).get("line"), str(lib.src_line("L:add_sum")), "*stopped in add: line")
    r = done(c, mi, "-stack-list-frames")
    funcs = [f["frame"]["func"] for f in r["results"]["stack"]]
    c.eq(funcs[:2], ["add", "main"], "-stack-list-frames: add, main")
    done(c, mi, "-exec-next", "running")
    st = mi.wait_exec()["results"]
    c.eq(st.get("reason"), "end-stepping-range", "-exec-next: reason")
    c.eq(st.get("frame", {}).get("line"), str(lib.src_line("L:add_counter")), "-exec-next: line")

    done(c, mi, "-break-delete")
    done(c, mi, "-exec-continue", "running")
    st = mi.wait_exec()["results"]
    c.eq(st.get("reason"), "exited", "*stopped at the end: reason")
    c.eq(st.get("exit-code"), "052", "*stopped at the end: exit-code 42 (octal)")


if __name__ == "__main__":
    lib.main("mi", body)
