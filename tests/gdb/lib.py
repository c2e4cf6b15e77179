# GDB-side helpers for the a64stub test suite (sourced with -x before a
# test's .gdb script).  Every check prints one TAP-style line; `check-done`
# ends GDB with `quit 0` if all checks passed and `quit 1` otherwise.
#
# Commands for .gdb scripts:
#   check-eq EXPR VALUE [-- LABEL]   EXPR evaluates (as an integer) to VALUE
#   check-reg NAME                   NAME is a real target register
#   check-stop KIND [NAME]           the last stop was KIND: syscall-entry,
#                                    syscall-return, breakpoint, signal,
#                                    exited, ... (see stop_kind below)
#   check-output TEXT                GDB printed TEXT since the last check-*
#   run-to CMD                       run a GDB command that resumes the
#                                    program, recording how it stopped
#   check-done                       quit 0 / quit 1
#
# Stop lines ("Catchpoint 1 (call to syscall write)") are not returned by
# gdb.execute(..., to_string=True) in GDB 13, so they are read back from
# GDB's own stdout, which the runner sends to a file.

import os
import re

import gdb

_failures = 0
_checks = 0
_out_path = os.readlink("/proc/self/fd/1")
_out_pos = os.path.getsize(_out_path) if os.path.isfile(_out_path) else 0
_last_stop = ""


def _report(ok, what, detail=""):
    global _failures, _checks
    _checks += 1
    if not ok:
        _failures += 1
    gdb.write("%s %d - %s%s\n" % ("ok" if ok else "not ok", _checks, what,
                                  ("\n#   " + detail) if detail else ""),
              gdb.STDERR)


def new_output():
    """What GDB printed on stdout since the last call."""
    global _out_pos
    gdb.flush()
    if not os.path.isfile(_out_path):
        return ""
    with open(_out_path, "rb") as f:
        f.seek(_out_pos)
        data = f.read()
    _out_pos += len(data)
    return data.decode("utf-8", "replace")


def stop_kind(text):
    """Classify the last stop GDB printed in TEXT."""
    kinds = [
        (r"\(call to syscall ([\w]+)\)", "syscall-entry"),
        (r"\(returned from syscall ([\w]+)\)", "syscall-return"),
        (r"exited with code (\d+)", "exited"),
        (r"exited normally", "exited"),
        (r"terminated with signal (\w+)", "killed"),
        (r"received signal (\w+)", "signal"),
        # "Breakpoint 2, " or, with several inferiors, "Breakpoint 1.2, "
        (r"Breakpoint \d+(?:\.\d+)?, ", "breakpoint"),
        (r"Temporary breakpoint \d+(?:\.\d+)?, ", "breakpoint"),
    ]
    best = None
    for pat, kind in kinds:
        for m in re.finditer(pat, text):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind, m.group(1) if m.groups() else "")
    if best is None:
        return ("none", "")
    return (best[1], best[2])


def run_to(cmd):
    """Run CMD (continue, run, stepi...) and remember how GDB says it stopped."""
    global _last_stop
    new_output()
    try:
        gdb.execute(cmd)
    except gdb.error as e:
        gdb.write("# %s: %s\n" % (cmd, e), gdb.STDERR)
    _last_stop = new_output()
    return stop_kind(_last_stop)


def value_of(expr):
    v = gdb.parse_and_eval(expr)
    if v.type.code == gdb.TYPE_CODE_VOID:
        raise gdb.error("%s is void (not a register?)" % expr)
    return int(v)


def check_eq(expr, expected, label=None):
    label = label or "%s == %s" % (expr, expected)
    try:
        got = value_of(expr)
        want = int(gdb.parse_and_eval(str(expected))) if isinstance(expected, str) else expected
        bits = gdb.parse_and_eval(expr).type.sizeof * 8
        mask = (1 << bits) - 1
        _report((got & mask) == (want & mask), label,
                "expected %#x, got %#x" % (want & mask, got & mask))
    except gdb.error as e:
        _report(False, label, "error: %s" % e)


def check_reg(name):
    try:
        gdb.selected_frame().read_register(name)
        _report(True, "register %s exists" % name)
    except (ValueError, gdb.error) as e:
        _report(False, "register %s exists" % name, str(e))


def check(ok, label, detail=""):
    _report(bool(ok), label, detail)


class _CheckEq(gdb.Command):
    """check-eq EXPR VALUE [-- LABEL]"""

    def __init__(self):
        super().__init__("check-eq", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        label = None
        if " -- " in arg:
            arg, label = arg.split(" -- ", 1)
        expr, expected = arg.rsplit(" ", 1)
        check_eq(expr.strip(), expected.strip(), label)


class _CheckReg(gdb.Command):
    """check-reg NAME"""

    def __init__(self):
        super().__init__("check-reg", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        check_reg(arg.strip())


class _RunTo(gdb.Command):
    """run-to CMD: resume and record the stop."""

    def __init__(self):
        super().__init__("run-to", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        run_to(arg)


class _CheckStop(gdb.Command):
    """check-stop KIND [WHAT]"""

    def __init__(self):
        super().__init__("check-stop", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        words = arg.split()
        kind, what = stop_kind(_last_stop)
        want_kind = words[0]
        want_what = words[1] if len(words) > 1 else None
        ok = kind == want_kind and (want_what is None or want_what == what)
        _report(ok, "stop is %s" % arg,
                "got %s %s" % (kind, what))


class _CheckOutput(gdb.Command):
    """check-output TEXT: TEXT appeared in the last stop's output."""

    def __init__(self):
        super().__init__("check-output", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        text = _last_stop + new_output()
        _report(arg in text, "output has %r" % arg, "output was %r" % text[-500:])


class _CheckDone(gdb.Command):
    """check-done: quit 0 if every check passed, quit 1 otherwise."""

    def __init__(self):
        super().__init__("check-done", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        done()


def done():
    gdb.write("# %d checks, %d failed\n" % (_checks, _failures), gdb.STDERR)
    if _checks == 0:
        gdb.write("# no checks ran: that is a failure\n", gdb.STDERR)
        gdb.execute("quit 1")
    gdb.execute("quit %d" % (1 if _failures else 0))


_CheckEq()
_CheckReg()
_RunTo()
_CheckStop()
_CheckOutput()
_CheckDone()


class _Connect(gdb.Command):
    """a64-connect [remote]: connect to the stub under test.

    Without an argument: `target extended-remote` to the --multi stub and
    `set remote exec-file` to this test's program in the guest.  With
    `remote`: `target remote` to the second stub (A64_PORT2), which runs
    the program given on its command line.
    """

    def __init__(self):
        super().__init__("a64-connect", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        env = os.environ
        if arg.strip() == "remote":
            gdb.execute("target remote 127.0.0.1:%s" % env["A64_PORT2"])
            return
        gdb.execute("target extended-remote 127.0.0.1:%s" % env.get("A64_PORT", "1234"))
        gdb.execute("set remote exec-file %s/%s" % (env.get("A64_GUEST_DIR", "/extra"),
                                                    env["A64_TEST"]))


_Connect()


# ---- helpers for the core protocol tests ----


def src_line(marker):
    """The line number of the first line of the program's source (the file
    that holds main) with MARKER (a comment such as /* L:after_call */), so
    that checks on lines do not break when the program gains a line."""
    path = gdb.lookup_global_symbol("main").symtab.fullname()
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if marker in line:
                return n
    raise gdb.error("marker %r not in %s" % (marker, path))


def check_line(marker, label=None):
    """The selected frame is on the source line that holds MARKER."""
    want = src_line(marker)
    try:
        got = gdb.selected_frame().find_sal().line
    except gdb.error as e:
        got = "error: %s" % e
    check(got == want, label or "at the line of %s" % marker,
          "expected line %s, got %s" % (want, got))


def check_str(expr, want, label=None):
    """EXPR (a char pointer or array) holds exactly the C string WANT."""
    label = label or "%s is %r" % (expr, want)
    try:
        got = gdb.parse_and_eval(expr).string()
    except gdb.error as e:
        check(False, label, "error: %s" % e)
        return
    check(got == want, label, "got %r" % got)


def frame_names():
    """The function names of the current backtrace, innermost first."""
    names = []
    f = gdb.newest_frame()
    while f is not None:
        names.append(f.name())
        f = f.older()
    return names


def run_interrupted(cmd):
    """Run CMD (e.g. "continue") and, once the program has resumed, ask
    GDB to interrupt it, as a user's ^C would; record the stop as run_to
    does.  The interrupt is posted to GDB's event loop, which runs while
    the synchronous CMD waits for the program, so no timing is involved."""
    def on_cont(ev):
        gdb.events.cont.disconnect(on_cont)
        gdb.post_event(lambda: gdb.execute("interrupt"))
    gdb.events.cont.connect(on_cont)
    return run_to(cmd)


class _RunInterrupted(gdb.Command):
    """run-interrupted CMD: resume with CMD, interrupt, record the stop."""

    def __init__(self):
        super().__init__("run-interrupted", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        run_interrupted(arg)


_RunInterrupted()


# ---- helpers for the syscall-stop tests ----


def syscall_stops(count, check_stop=None):
    """Continue COUNT times; every stop must be a syscall stop, labelled
    entry and return in turn starting with an entry.  CHECK_STOP(k, kind,
    name) may return a string describing what is wrong with stop K (None
    if nothing).  Reports one check per property, not one per stop.
    Returns: the seconds it took."""
    import time
    bad_label, bad_other = [], []
    want = "syscall-entry"
    t0 = time.monotonic()
    for k in range(count):
        kind, name = run_to("continue")
        if kind != want:
            bad_label.append("stop %d: %s %s, expected %s" % (k, kind, name, want))
            if kind not in ("syscall-entry", "syscall-return"):
                break
        want = "syscall-return" if kind == "syscall-entry" else "syscall-entry"
        if check_stop:
            why = check_stop(k, kind, name)
            if why:
                bad_other.append("stop %d (%s %s): %s" % (k, kind, name, why))
    secs = time.monotonic() - t0
    check(not bad_label, "%d stops alternate entry/return from an entry" % count,
          "; ".join(bad_label[:5]))
    if check_stop:
        check(not bad_other, "%d stops: every stop as expected" % count,
              "; ".join(bad_other[:5]))
    gdb.write("# %d syscall stops in %.1f s (%.1f ms each)\n"
              % (count, secs, secs * 1000 / max(count, 1)), gdb.STDERR)
    return secs
