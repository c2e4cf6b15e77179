"""Helpers for the client tests (tests/clients/*.py): a GDB/MI record
parser and driver, the plain stub on the second port, and TAP-style checks
with the one result line tests/check.sh counts.

Environment (as for tests/gdb/run-test.sh): A64_PORT (the --multi stub),
A64_PORT2 (the plain stub that tests/gdb/autostart.c keeps serving
clients_prog), A64_GUEST_DIR (/extra), BUILD (build), A64_KERNEL (stock)
and A64_CPU (the lane KERNEL/CPU of the result line; logs in
BUILD/test-logs/KERNEL-CPU/).
"""
import os
import queue
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "hardening"))
from rsp import Client, ProtocolError  # noqa: E402  (raw protocol client)

ENV = os.environ
PORT = int(ENV.get("A64_PORT", "1234"))
PORT2 = int(ENV.get("A64_PORT2", "1235"))
GUEST_DIR = ENV.get("A64_GUEST_DIR", "/extra")
BUILD = ENV.get("BUILD", "build")
KERNEL = ENV.get("A64_KERNEL", "stock")
CPU = ENV.get("A64_CPU", "")
LANE = KERNEL + ("/" + CPU if CPU else "")
LOGDIR = os.path.join(BUILD, "test-logs", LANE.replace("/", "-"))
PROG = "clients_prog"
HOST_PROG = os.path.join(BUILD, "extra", PROG)
GUEST_PROG = GUEST_DIR + "/" + PROG
X7_MAGIC = 0x7777777777777777


# ---- checks and the result line ----

class Checks:
    """One "ok N - what" / "not ok N - what" line per check on the log;
    finish() prints "PASS clients/NAME [lane] (N checks, M ms)" or FAIL."""

    def __init__(self, name):
        self.name = name
        self.n = 0
        self.failed = []
        self.t0 = time.monotonic()
        os.makedirs(LOGDIR, exist_ok=True)
        self.log_path = os.path.join(LOGDIR, "clients-%s.log" % name)
        self.log = open(self.log_path, "w")

    def note(self, text):
        for line in str(text).splitlines():
            self.log.write("# %s\n" % line)
        self.log.flush()

    def check(self, ok, what, detail=""):
        self.n += 1
        self.log.write("%s %d - %s\n" % ("ok" if ok else "not ok", self.n, what))
        if not ok:
            self.failed.append((what, detail))
            if detail:
                self.log.write("#   %s\n" % detail)
        self.log.flush()
        return bool(ok)

    def eq(self, got, want, what):
        return self.check(got == want, what, "expected %r, got %r" % (want, got))

    def finish(self, error=None):
        ms = int((time.monotonic() - self.t0) * 1000)
        if error:
            self.failed.append(("aborted", error))
            self.note("aborted: %s" % error)
        if self.failed or self.n == 0:
            why = "%d of %d checks failed" % (len(self.failed), self.n) if self.n else "no checks ran"
            print("FAIL clients/%s [%s] (%s, %d ms; log: %s)"
                  % (self.name, LANE, why, ms, self.log_path))
            for what, detail in self.failed[:10]:
                print("    not ok - %s" % what)
                if detail:
                    print("      %s" % str(detail)[:300])
            return 1
        print("PASS clients/%s [%s] (%d checks, %d ms)" % (self.name, LANE, self.n, ms))
        return 0


def main(name, body):
    """Run BODY(checks); print the result line; exit 0 or 1."""
    c = Checks(name)
    try:
        body(c)
        err = None
    except Exception as e:  # report, never a traceback instead of a line
        import traceback
        c.note(traceback.format_exc())
        err = "%s: %s" % (type(e).__name__, e)
    sys.exit(c.finish(err))


# ---- the plain stub on the second port ----

def plain_stub(want=GUEST_PROG, timeout=120.0, log=None):
    """Wait until the plain stub on PORT2 runs WANT, stopped where it
    started, and return.  A stub running another program (remote_cmdline,
    for the `target remote` GDB test, comes first) is told `k`: it kills
    its program and ends, and tests/gdb/autostart.c starts the next one.
    The stub may not listen yet: QEMU's user network then accepts and
    drops the connection, so this polls until a stub answers."""
    deadline = time.monotonic() + timeout
    last = "nothing tried"
    while time.monotonic() < deadline:
        try:
            c = Client(PORT2, timeout=10.0, retries=1)
        except OSError as e:
            last = "connect: %s" % e
            time.sleep(0.2)
            continue
        try:
            c.cmd("qSupported:swbreak+;hwbreak+")
            r = c.cmd("qXfer:exec-file:read::0,fff")
            prog = r[1:].decode("utf-8", "replace") if r[:1] in (b"l", b"m") else ""
            if prog == want:
                c.close()
                return
            last = "the stub runs %r" % prog
            if log:
                log("port %d serves %r, not %r: killing it for the next stub"
                    % (PORT2, prog, want))
            c.send(b"$k#6b")
        except (OSError, ProtocolError) as e:
            last = "%s" % e
        c.close()
        time.sleep(0.2)
    raise RuntimeError("no stub with %s on port %d after %.0f s (%s)"
                       % (want, PORT2, timeout, last))


# ---- GDB/MI records ----

class MIParseError(Exception):
    pass


def _cstring(s, i):
    """Parse the C string at s[i] == '"'; return (text, next index)."""
    assert s[i] == '"'
    out = []
    i += 1
    esc = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\",
           "a": "\a", "b": "\b", "f": "\f", "v": "\v", "e": "\x1b"}
    while i < len(s):
        ch = s[i]
        if ch == '"':
            return "".join(out), i + 1
        if ch == "\\":
            i += 1
            if i >= len(s):
                break
            e = s[i]
            if e in esc:
                out.append(esc[e])
                i += 1
            elif e in "01234567":
                j = i
                while j < len(s) and j < i + 3 and s[j] in "01234567":
                    j += 1
                out.append(chr(int(s[i:j], 8)))
                i = j
            else:
                out.append(e)
                i += 1
            continue
        out.append(ch)
        i += 1
    raise MIParseError("unterminated string: %r" % s)


def _value(s, i):
    """value ==> const | tuple | list.  Returns (value, next index):
    a str, a dict (tuple), or a list (of values, or of {name: value}
    for a list of results)."""
    if i >= len(s):
        raise MIParseError("value expected at the end of %r" % s)
    if s[i] == '"':
        return _cstring(s, i)
    if s[i] == "{":
        d = {}
        i += 1
        if s[i] == "}":
            return d, i + 1
        while True:
            name, v, i = _result(s, i)
            d[name] = v
            if s[i] == ",":
                i += 1
            elif s[i] == "}":
                return d, i + 1
            else:
                raise MIParseError("',' or '}' expected at %d in %r" % (i, s))
    if s[i] == "[":
        items = []
        i += 1
        if s[i] == "]":
            return items, i + 1
        while True:
            if s[i] in '"{[':
                v, i = _value(s, i)
                items.append(v)
            else:
                name, v, i = _result(s, i)
                items.append({name: v})
            if s[i] == ",":
                i += 1
            elif s[i] == "]":
                return items, i + 1
            else:
                raise MIParseError("',' or ']' expected at %d in %r" % (i, s))
    raise MIParseError("value expected at %d in %r" % (i, s))


def _result(s, i):
    """result ==> variable "=" value"""
    m = re.compile(r"[A-Za-z_][\w-]*=").match(s, i)
    if not m:
        raise MIParseError("name= expected at %d in %r" % (i, s))
    v, j = _value(s, m.end())
    return m.group(0)[:-1], v, j


KINDS = {"^": "result", "*": "exec", "+": "status", "=": "notify",
         "~": "console", "@": "target", "&": "log"}


def parse_record(line):
    """One line of GDB/MI output as a dict: kind (result, exec, status,
    notify, console, target, log, prompt), token (int or None), and for
    result/async records class and results (a dict), for streams text."""
    line = line.rstrip("\r\n")
    if line.strip() == "(gdb)":
        return {"kind": "prompt", "token": None}
    m = re.match(r"(\d*)([\^*+=~@&])", line)
    if not m:
        raise MIParseError("not an MI record: %r" % line)
    token = int(m.group(1)) if m.group(1) else None
    kind = KINDS[m.group(2)]
    i = m.end()
    if kind in ("console", "target", "log"):
        text, j = _cstring(line, i)
        if j != len(line):
            raise MIParseError("junk after the stream record: %r" % line)
        return {"kind": kind, "token": token, "text": text}
    m = re.compile(r"[\w-]+").match(line, i)
    if not m:
        raise MIParseError("class expected: %r" % line)
    rec = {"kind": kind, "token": token, "class": m.group(0), "results": {}}
    i = m.end()
    while i < len(line):
        if line[i] != ",":
            raise MIParseError("',' expected at %d in %r" % (i, line))
        name, v, i = _result(line, i + 1)
        rec["results"][name] = v
    return rec


class MI:
    """gdb-multiarch --interpreter=mi3, driven as an IDE drives it: one
    token per command, its ^result awaited; async records kept in order."""

    def __init__(self, log, timeout=120.0):
        self.log = log
        self.timeout = timeout
        self.token = 100
        self.pending = []       # async and stream records not yet consumed
        self.p = subprocess.Popen(
            ["gdb-multiarch", "--interpreter=mi3", "-nx", "-q"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, bufsize=1, errors="replace")
        self.lines = queue.Queue()
        threading.Thread(target=self._reader, daemon=True).start()
        self._until(lambda r: r["kind"] == "prompt")

    def _reader(self):
        for line in self.p.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _next(self, deadline):
        left = deadline - time.monotonic()
        try:
            line = self.lines.get(timeout=max(left, 0.01))
        except queue.Empty:
            raise TimeoutError("no MI output for %.0f s" % self.timeout)
        if line is None:
            raise EOFError("GDB exited")
        self.log("<- " + line.rstrip("\n"))
        if not line.strip():
            return None
        return parse_record(line)

    def _until(self, pred):
        deadline = time.monotonic() + self.timeout
        while True:
            r = self._next(deadline)
            if r is None:
                continue
            if pred(r):
                return r
            if r["kind"] != "prompt":
                self.pending.append(r)

    def cmd(self, command):
        """Send COMMAND with a fresh token; return its ^result record."""
        self.token += 1
        t = self.token
        self.log("-> %d%s" % (t, command))
        self.p.stdin.write("%d%s\n" % (t, command))
        self.p.stdin.flush()
        return self._until(lambda r: r["kind"] == "result" and r["token"] == t)

    def wait_exec(self, cls="stopped"):
        """The next *CLS record (already received or still to come)."""
        for k, r in enumerate(self.pending):
            if r["kind"] == "exec" and r["class"] == cls:
                del self.pending[:k + 1]
                return r
        self.pending = []
        return self._until(lambda r: r["kind"] == "exec" and r["class"] == cls)

    def console(self):
        """The console stream text received so far (and forget it)."""
        text = "".join(r["text"] for r in self.pending if r["kind"] == "console")
        self.pending = [r for r in self.pending if r["kind"] != "console"]
        return text

    def close(self):
        try:
            self.p.stdin.write("-gdb-exit\n")
            self.p.stdin.flush()
            self.p.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired, ValueError):
            self.p.kill()
            self.p.wait()


def register_values(mi, names):
    """{name: int} of NAMES, through -data-list-register-names and
    -data-list-register-values x (the numbers GDB gives them)."""
    r = mi.cmd("-data-list-register-names")
    if r["class"] != "done":
        raise RuntimeError("-data-list-register-names: %r" % r)
    all_names = r["results"]["register-names"]
    nums = {n: all_names.index(n) for n in names if n in all_names}
    r = mi.cmd("-data-list-register-values x %s" % " ".join(str(nums[n]) for n in names if n in nums))
    if r["class"] != "done":
        raise RuntimeError("-data-list-register-values: %r" % r)
    by_num = {int(v["number"]): int(v["value"], 16) for v in r["results"]["register-values"]}
    return {n: by_num.get(nums[n]) for n in names if n in nums}


def src_line(marker, path=os.path.join(HERE, "clients_prog.c")):
    """The line of clients_prog.c that holds MARKER (/* L:name */)."""
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if marker in line:
                return n
    raise KeyError(marker)
