#!/usr/bin/env python3
"""LLDB (Debian's lldb, LLDB 14) against the plain stub on the second port,
which runs clients_prog (tests/gdb/autostart.c): `gdb-remote`, breakpoints,
the syscall registers by name at syscall stops (asked for with a raw
QCatchSyscalls packet: LLDB has no `catch syscall`), continue, next, step,
bt and `process kill`.

LLDB runs in batch mode; its output is cut into one section per command
at the "(lldb) COMMAND" lines it echoes, and each section is checked.
Breakpoints are set before `gdb-remote`: on connecting, LLDB takes the
SIGTRAP stop at a static program's entry point for its own entry
breakpoint and continues (README, "LLDB quirks")."""
import os
import re
import shutil
import subprocess

import lib
from lib import HOST_PROG, PORT2, X7_MAGIC

COMMANDS = [
    "target create %s" % HOST_PROG,
    "breakpoint set -n main",
    "breakpoint set -n add",
    "gdb-remote 127.0.0.1:%d" % PORT2,
    "register read orig_x0 orig_x7 syscallno",
    "process plugin packet send QCatchSyscalls:1;40",
    "continue",
    "register read x0 x2 x7 orig_x0 orig_x7 syscallno",
    "continue",
    "register read x0 x7 orig_x0 orig_x7 syscallno",
    "process plugin packet send QCatchSyscalls:0",
    "continue",
    "next",
    "step",
    "bt",
    "process kill",
]


def sections(out):
    """[(command, output)] in order, from LLDB's "(lldb) CMD" echo lines."""
    result = []
    for line in out.splitlines():
        m = re.match(r"\(lldb\) (.*)$", line)
        if m and m.group(1) in COMMANDS:
            result.append([m.group(1), ""])
        elif result:
            result[-1][1] += line + "\n"
    return [tuple(s) for s in result]


def regs(text):
    return {m.group(1): int(m.group(2), 16)
            for m in re.finditer(r"^\s*(\w+) = (0x[0-9a-f]+)", text, re.M)}


def body(c):
    lldb = shutil.which("lldb") or shutil.which("lldb-14")
    if not c.check(lldb is not None, "lldb is installed (make deps)"):
        return
    lib.plain_stub(log=c.note)
    # Commands given with -o stop at the first stop by a signal (batch
    # mode then returns to the prompt); a sourced file goes on.
    script = os.path.join(lib.LOGDIR, "clients-lldb.cmds")
    with open(script, "w") as f:
        f.write("".join(cmd + "\n" for cmd in COMMANDS))
    argv = [lldb, "-b", "-x", "-s", script]
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace",
                       timeout=300)
    c.note(p.stdout)
    got = sections(p.stdout)
    c.eq([s[0] for s in got], COMMANDS, "LLDB ran every command")
    step = iter(got)

    def nxt(cmd):
        for have, text in step:
            if have == cmd:
                return text
        return ""

    nxt("gdb-remote 127.0.0.1:%d" % PORT2)
    text = got[3][1] if len(got) > 3 else ""
    c.check("stop reason = breakpoint 1.1" in text and "`main" in text,
            "gdb-remote: stopped at the breakpoint in main", text[-300:])
    text = nxt("register read orig_x0 orig_x7 syscallno")
    r = regs(text)
    for n in ("orig_x0", "orig_x7", "syscallno"):
        c.check(n in r, "register read knows %s" % n, text)
    c.eq(r.get("syscallno"), 0xffffffff, "syscallno is -1 outside a syscall")

    text = nxt("process plugin packet send QCatchSyscalls:1;40")
    c.check("response: OK" in text, "QCatchSyscalls:1;40 (write) is accepted", text)
    text = nxt("continue")
    c.check("stop reason = signal SIGTRAP" in text and "raw_write" in text,
            "continue: stops at the write's entry in raw_write", text[-300:])
    r = regs(nxt("register read x0 x2 x7 orig_x0 orig_x7 syscallno"))
    c.eq(r.get("x7"), 0, "entry: x7 is the kernel's marker 0")
    c.eq(r.get("orig_x7"), X7_MAGIC, "entry: orig_x7 is the real x7")
    c.eq(r.get("orig_x0"), 1, "entry: orig_x0 is the fd")
    c.eq(r.get("x2"), 15, "entry: x2 is the length")
    c.eq(r.get("syscallno"), 64, "entry: syscallno is write's")
    text = nxt("continue")
    c.check("stop reason = signal SIGTRAP" in text, "continue: stops at the write's return",
            text[-300:])
    r = regs(nxt("register read x0 x7 orig_x0 orig_x7 syscallno"))
    c.eq(r.get("x0"), 15, "return: x0 is the result")
    c.eq(r.get("x7"), 1, "return: x7 is the kernel's marker 1")
    c.eq(r.get("orig_x0"), 1, "return: orig_x0 is still the fd")
    c.eq(r.get("orig_x7"), X7_MAGIC, "return: orig_x7 is the real x7")

    text = nxt("process plugin packet send QCatchSyscalls:0")
    c.check("response: OK" in text, "QCatchSyscalls:0 is accepted", text)
    text = nxt("continue")
    c.check("stop reason = breakpoint 2.1" in text and
            "clients_prog.c:%d" % lib.src_line("L:add_sum") in text,
            "continue: stops at the breakpoint in add", text[-300:])
    text = nxt("next")
    c.check("stop reason = step over" in text and
            "clients_prog.c:%d" % lib.src_line("L:add_counter") in text,
            "next: the next line of add", text[-300:])
    text = nxt("step")
    c.check("stop reason = step in" in text and
            "clients_prog.c:%d" % (lib.src_line("L:add_counter") + 1) in text,
            "step: the return line of add", text[-300:])
    text = nxt("bt")
    frames = re.findall(r"frame #\d+: 0x[0-9a-f]+ clients_prog`(\w+)", text)
    c.eq(frames[:2], ["add", "main"], "bt: add, main")
    text = nxt("process kill")
    c.check(re.search(r"exited with status = 9\b", text) is not None,
            "process kill: killed (status 9, the stub's X09 reply)", text)


if __name__ == "__main__":
    lib.main("lldb", body)
