#!/usr/bin/env python3
"""An MI sequence replay, not an IDE: docs/vscode-launch.json, consumed as
the C/C++ extension ("cppdbg") consumes it according to its documentation: the configuration is read, its variables expanded, and the
MI commands the extension sends for a "launch" with
miDebuggerServerAddress go to miDebuggerPath --interpreter=mi3:

    setupCommands          text starting with "-" as an MI command, any
                           other text as -interpreter-exec console "TEXT"
    -file-exec-and-symbols program
    -target-select remote  miDebuggerServerAddress
    -break-insert -f ...   the user's breakpoints
    -exec-continue         (stopAtEntry false: the program already waits
                           at its entry point in the stub)

Neither VS Code nor the extension runs (the real adapters the suite runs
are in dap-cdt.js and dap-lldb.js).  The server is the plain stub on the second
port with clients_prog (the address's port and the program's folder are
replaced by the test's).  Then, as a user would in the Debug Console
(`-exec ...`), `catch syscall write` and the gdbinit helper syscall-view."""
import json
import os

import lib
from lib import MI, PORT2, X7_MAGIC, register_values

ROOT = os.path.abspath(os.path.join(lib.HERE, "..", ".."))
LAUNCH = os.path.join(ROOT, "docs", "vscode-launch.json")


def expand(text):
    return (text.replace("${workspaceFolder}", ROOT)
            .replace("${userHome}", os.path.expanduser("~")))


def mi_quote(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def body(c):
    with open(LAUNCH) as f:
        conf = json.load(f)["configurations"][0]
    c.eq(conf.get("type"), "cppdbg", "launch.json: type cppdbg")
    c.eq(conf.get("request"), "launch", "launch.json: request launch")
    c.eq(conf.get("MIMode"), "gdb", "launch.json: MIMode gdb")
    c.eq(conf.get("miDebuggerPath"), "gdb-multiarch", "launch.json: miDebuggerPath")
    addr = conf.get("miDebuggerServerAddress", "")
    c.check(addr.startswith("127.0.0.1:"), "launch.json: miDebuggerServerAddress is local", addr)
    texts = [s["text"] for s in conf.get("setupCommands", [])]
    c.check(any("startup-with-shell off" in t for t in texts),
            "launch.json: setupCommands turn startup-with-shell off")
    c.check(any(t.startswith("set sysroot ") for t in texts),
            "launch.json: setupCommands set the sysroot")
    # The test's build folder and stub port in place of the defaults.
    program = expand(conf["program"]).replace(os.path.join(ROOT, "build") + "/",
                                              os.path.abspath(lib.BUILD) + "/")
    c.eq(os.path.basename(program), lib.PROG, "launch.json: program is clients_prog")
    address = "127.0.0.1:%d" % PORT2

    lib.plain_stub(log=c.note)
    mi = MI(c.note)
    try:
        for s in conf["setupCommands"]:
            t = expand(s["text"])
            r = mi.cmd(t if t.startswith("-") else "-interpreter-exec console " + mi_quote(t))
            if not s.get("ignoreFailures"):
                c.eq(r["class"], "done", "setupCommand %s: ^done" % t)
        c.eq(mi.cmd("-file-exec-and-symbols " + program)["class"], "done",
             "-file-exec-and-symbols program: ^done")
        r = mi.cmd("-target-select remote " + address)
        c.eq(r["class"], "connected", "-target-select remote: ^connected")
        st = mi.wait_exec()["results"]
        c.eq(st.get("frame", {}).get("func"), "_start",
             "connected: *stopped where the program waits, _start")
        c.eq(mi.cmd("-break-insert -f main")["class"], "done", "-break-insert -f main: ^done")
        c.eq(mi.cmd("-exec-continue")["class"], "running", "-exec-continue: ^running")
        st = mi.wait_exec()["results"]
        c.eq(st.get("reason"), "breakpoint-hit", "stopped at main: reason")
        c.eq(st.get("frame", {}).get("func"), "main", "stopped at main: func")

        # The Debug Console: "-exec catch syscall write", "-exec sv".
        mi.cmd('-interpreter-exec console "catch syscall write"')
        mi.console()
        c.eq(mi.cmd("-exec-continue")["class"], "running", "-exec-continue: ^running")
        st = mi.wait_exec()["results"]
        c.eq(st.get("reason"), "syscall-entry", "stopped at the write: reason")
        c.eq(register_values(mi, ["orig_x7"]).get("orig_x7"), X7_MAGIC,
             "the Variables view's orig_x7 is the real x7")
        r = mi.cmd('-interpreter-exec console "sv"')
        text = mi.console()
        c.eq(r["class"], "done", "sv (gdbinit from setupCommands): ^done")
        c.check("syscall write (64) entry" in text, "sv: header", text)
        c.check("x7 (real)    = 0x7777777777777777" in text, "sv: the real x7", text)

        mi.cmd("-break-delete")
        c.eq(mi.cmd("-exec-continue")["class"], "running", "-exec-continue: ^running")
        st = mi.wait_exec()["results"]
        c.eq(st.get("reason"), "exited", "the program exits: reason")
        c.eq(st.get("exit-code"), "052", "the program exits: code 42")
    finally:
        mi.close()


if __name__ == "__main__":
    lib.main("mi-replay-cppdbg", body)
