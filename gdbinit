# a64stub GDB helpers: a syscall stop at a glance.
#
#   (gdb) source gdbinit                    # from the top of the a64stub tree
#   (gdb) catch syscall write
#   (gdb) continue
#   (gdb) syscall-view                      # or: sv
#   (gdb) syscall-view-on-stop on|off       # print the view at every syscall stop
#
# The target must be a64stub: the view reads orig_x0, orig_x7 and syscallno,
# which only a64stub provides (feature org.a64stub.aarch64.linux.syscall).
#
# Output (one header line, then one line per value, labels padded to 12):
#
#   syscall write (64) entry
#     x0 (orig_x0) = 0x1 (1)
#     x1           = 0x457598
#     x2           = 0x15 (21)
#     x3           = 0x0 (0)
#     x4           = 0x0 (0)
#     x5           = 0x0 (0)
#     x7 (real)    = 0x7777777777777777
#
#   syscall write (64) return
#     x0 (orig_x0) = 0x4d (77)
#     ...
#     x7 (real)    = 0x7777777777777777
#     result       = -9 (EBADF: Bad file descriptor)
#
# - Header: "syscall NAME (NUMBER) entry|return".  NAME comes from GDB's own
#   syscalls/aarch64-linux.xml; "unknown" when the number is not in it.
# - Values: "0xHEX" (64-bit, two's complement), followed by " (DECIMAL)",
#   signed, when -2^31 <= value < 2^32 (so small numbers, fds and
#   negative errors read easily and addresses stay short).
# - x0 is shown from $orig_x0, the first argument (at the return stop $x0
#   holds the result; at an entry stop the stub makes $orig_x0 follow $x0,
#   so a changed first argument shows there at once).
# - x7 (real) is $orig_x7: $x7 itself is the kernel's 0/1 marker there.
# - result (return stops only): "-ERRNO (NAME: text)" when
#   -4095 <= x0 <= -1, else a value as above.  Names and texts are Python's
#   errno module (Linux numbers, the same on arm64), plus the kernel's restart
#   codes 512-516 (ERESTARTSYS...), which only a tracer ever sees; "E?" and
#   strerror's "Unknown error N" for a number neither knows.
# - Not at a syscall stop, one line:
#     not at a syscall stop (syscallno = -1, x7 = 0x7777777777777777)
#
# How a syscall stop is recognised: $syscallno != -1 and $x7 is 0 (entry) or
# 1 (return).  Limits of that heuristic:
#   - a non-syscall stop while the task is inside a syscall (a fork/clone/exec
#     event stop, a seccomp stop) whose real x7 happens to be 0 or 1 is taken
#     for a syscall stop;
#   - at an entry stop where you set $syscallno = -1 (skip the syscall) the
#     stop is no longer recognised;
#   - a signal stop is never one: the kernel sets syscallno to -1 before it.
# syscall-view-on-stop also ignores stops GDB reports as signals.

python
import errno as _a64_errno
import os as _a64_os
import re as _a64_re

import gdb


class _A64SyscallView:
    """State shared by the syscall-view commands (survives re-sourcing)."""

    ERRNO_NAMES = {
        # Python's errorcode picks the alias for these; prefer the usual name.
        _a64_errno.EAGAIN: "EAGAIN",
        _a64_errno.EDEADLK: "EDEADLK",
        _a64_errno.EOPNOTSUPP: "EOPNOTSUPP",
    }
    # Kernel-internal restart codes (include/linux/errno.h).
    KERNEL_ERRNOS = {
        512: ("ERESTARTSYS", "restarted if the handler has SA_RESTART, else EINTR"),
        513: ("ERESTARTNOINTR", "always restarted"),
        514: ("ERESTARTNOHAND", "restarted if no handler runs, else EINTR"),
        516: ("ERESTART_RESTARTBLOCK", "restarted through restart_syscall"),
    }
    NEEDED = ("orig_x0", "orig_x7", "syscallno")

    def __init__(self):
        self.names = None
        self.on_stop = False

    # -- syscall names ------------------------------------------------------
    def syscall_name(self, nr):
        if self.names is None:
            self.names = self._load_names()
        return self.names.get(nr, "unknown")

    @staticmethod
    def _load_names():
        dirs = []
        try:
            out = gdb.execute("show data-directory", to_string=True)
            m = _a64_re.search(r'"(.*)"', out)
            if m:
                dirs.append(m.group(1))
        except gdb.error:
            pass
        dirs.append(_a64_os.path.dirname(gdb.PYTHONDIR))
        for d in dirs:
            path = _a64_os.path.join(d, "syscalls", "aarch64-linux.xml")
            try:
                with open(path) as f:
                    text = f.read()
            except OSError:
                continue
            names = {}
            for m in _a64_re.finditer(r'<syscall\s+name="([^"]+)"\s+number="(\d+)"', text):
                names[int(m.group(2))] = m.group(1)
            return names
        return {}

    # -- formatting ---------------------------------------------------------
    @staticmethod
    def fmt(v):
        u = v & (2**64 - 1)
        s = u - 2**64 if u >= 2**63 else u
        if -2**31 <= s < 2**32:
            return "%#x (%d)" % (u, s)
        return "%#x" % u

    def fmt_result(self, v):
        u = v & (2**64 - 1)
        s = u - 2**64 if u >= 2**63 else u
        if -4095 <= s <= -1:
            e = -s
            if e in self.KERNEL_ERRNOS:
                name, text = self.KERNEL_ERRNOS[e]
            else:
                name = self.ERRNO_NAMES.get(e) or _a64_errno.errorcode.get(e, "E?")
                text = _a64_os.strerror(e)
            return "%d (%s: %s)" % (s, name, text)
        return self.fmt(u)

    # -- reading the stop ---------------------------------------------------
    def regs(self):
        """The newest frame's registers we need, or gdb.GdbError."""
        inf = gdb.selected_inferior()
        if inf is None or inf.pid == 0:
            raise gdb.GdbError("syscall-view: no process (run the program first)")
        try:
            frame = gdb.newest_frame()
        except gdb.error as e:
            raise gdb.GdbError("syscall-view: %s" % e)
        names = set(r.name for r in frame.architecture().registers())
        for n in self.NEEDED:
            if n not in names:
                raise gdb.GdbError("syscall-view: this target has no %s: "
                                   "connect to a64stub" % n)
        r = {}
        for n in ("x0", "x1", "x2", "x3", "x4", "x5", "x7") + self.NEEDED:
            r[n] = int(frame.read_register(n))
        return r

    @staticmethod
    def kind(r):
        """'entry', 'return' or None (not a syscall stop)."""
        if r["syscallno"] == -1 or (r["syscallno"] & 0xffffffff) == 0xffffffff:
            return None
        return {0: "entry", 1: "return"}.get(r["x7"])

    def view(self, r):
        kind = self.kind(r)
        if kind is None:
            return ("not at a syscall stop (syscallno = %d, x7 = %#x)\n"
                    % (r["syscallno"], r["x7"] & (2**64 - 1)))
        nr = r["syscallno"]
        lines = ["syscall %s (%d) %s" % (self.syscall_name(nr), nr, kind)]
        row = "  %-12s = %s"
        lines.append(row % ("x0 (orig_x0)", self.fmt(r["orig_x0"])))
        for i in range(1, 6):
            lines.append(row % ("x%d" % i, self.fmt(r["x%d" % i])))
        lines.append(row % ("x7 (real)", self.fmt(r["orig_x7"])))
        if kind == "return":
            lines.append(row % ("result", self.fmt_result(r["x0"])))
        return "\n".join(lines) + "\n"

    # -- automatic view -----------------------------------------------------
    def on_stop_event(self, event):
        if not self.on_stop or isinstance(event, gdb.SignalEvent):
            return
        try:
            r = self.regs()
            if self.kind(r) is not None:
                gdb.write(self.view(r))
        except (gdb.GdbError, gdb.error) as e:
            gdb.write("syscall-view-on-stop: %s\n" % str(e).replace("syscall-view: ", ""),
                      gdb.STDERR)


# Re-sourcing: keep the on/off state, drop the old stop handler.
try:
    _a64_sv_old = _a64_sv
    gdb.events.stop.disconnect(_a64_sv_old.on_stop_event)
except (NameError, ValueError, RuntimeError):
    _a64_sv_old = None
_a64_sv = _A64SyscallView()
if _a64_sv_old is not None:
    _a64_sv.on_stop = _a64_sv_old.on_stop
del _a64_sv_old
gdb.events.stop.connect(_a64_sv.on_stop_event)


class _A64SyscallViewCmd(gdb.Command):
    """Show the syscall at this stop: name, entry/return, arguments, real x7, result.

Usage: syscall-view   (alias: sv)

Needs a64stub (registers orig_x0, orig_x7, syscallno).  The first argument
is taken from $orig_x0 (at the return stop $x0 is the result), the real x7
from $orig_x7 ($x7 is the kernel's marker: 0 entry, 1 return).  A negative
result is decoded as -ERRNO (NAME: text).  See gdbinit for the exact format
and how a syscall stop is recognised."""

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise gdb.GdbError("syscall-view takes no arguments")
        gdb.write(_a64_sv.view(_a64_sv.regs()))


class _A64SyscallViewOnStopCmd(gdb.Command):
    """Print the syscall view automatically at every syscall stop.

Usage: syscall-view-on-stop on|off   (no argument: show the setting)"""

    def __init__(self):
        super().__init__("syscall-view-on-stop", gdb.COMMAND_STATUS)

    def invoke(self, arg, from_tty):
        a = arg.strip().lower()
        if a in ("on", "1", "yes", "enable"):
            _a64_sv.on_stop = True
        elif a in ("off", "0", "no", "disable"):
            _a64_sv.on_stop = False
        elif a:
            raise gdb.GdbError("usage: syscall-view-on-stop on|off")
        gdb.write("syscall-view-on-stop is %s\n" % ("on" if _a64_sv.on_stop else "off"))

    def complete(self, text, word):
        return [w for w in ("on", "off") if w.startswith(text)]


_A64SyscallViewCmd("syscall-view")
_A64SyscallViewCmd("sv")
_A64SyscallViewOnStopCmd()
end
