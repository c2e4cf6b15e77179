# GDB-side helpers for the benchmarks (sourced with -x before a workload's
# .gdb script by bench/bench.py).  A workload script brackets the measured
# part with bench-start / bench-stop, so that GDB's start-up, symbol loading
# and the connection are not measured (except in latency.gdb, where they
# are the point).  bench-stop checks that the work really happened and
# appends one JSON object to $BENCH_OUT; a run without it is a failure.
#
# Commands:
#   bench-connect              target extended-remote 127.0.0.1:$BENCH_PORT,
#                              remote exec-file $BENCH_GUEST_DIR/workload
#   bench-args WORD...         set args, with N, MIB, SYSCALLS, TRACE_SYSCALLS
#                              replaced by the run's parameters
#   bench-start                start the clock
#   bench-dump                 dump binary memory $BENCH_DUMP $x0 $x0+$x1
#   bench-stop [CHECK...]      stop the clock; CHECKs: hits=EXPR (the last
#                              breakpoint's hit count), exit=CODE, dump=MIB
#   bench-rss                  the server's /proc/self/status VmHWM, VmRSS
#   bench-end                  kill what runs, quit
#   bench-go                   remote put $BENCH_GO $BENCH_GO_TARGET through
#                              the stub: starts a round of the in-guest runs

import json
import os
import time

import gdb

_env = os.environ
PARAMS = {k: int(_env.get("BENCH_" + k, d)) for k, d in
          (("N", 2000), ("MIB", 16), ("SYSCALLS", 1000000),
           ("TRACE_SYSCALLS", 100000))}
_t0 = None
_result = {}


def _fail(why):
    gdb.write("bench: FAILED: %s\n" % why, gdb.STDERR)
    gdb.execute("kill", to_string=True) if gdb.selected_inferior().pid else None
    gdb.execute("quit 1")


def _write(result):
    with open(_env["BENCH_OUT"], "a") as f:
        f.write(json.dumps(result) + "\n")


class _Connect(gdb.Command):
    """bench-connect"""

    def __init__(self):
        super().__init__("bench-connect", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        gdb.execute("target extended-remote 127.0.0.1:%s" % _env["BENCH_PORT"])
        gdb.execute("set remote exec-file %s/workload" % _env["BENCH_GUEST_DIR"])


class _Args(gdb.Command):
    """bench-args WORD..."""

    def __init__(self):
        super().__init__("bench-args", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        words = [str(PARAMS.get(w, w)) for w in arg.split()]
        gdb.execute("set args %s" % " ".join(words))


class _Start(gdb.Command):
    """bench-start"""

    def __init__(self):
        super().__init__("bench-start", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        global _t0
        gdb.flush()
        _t0 = time.monotonic()


class _Dump(gdb.Command):
    """bench-dump: the heap buffer bench_ready() got, to $BENCH_DUMP."""

    def __init__(self):
        super().__init__("bench-dump", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        gdb.execute("dump binary memory %s $x0 $x0+$x1" % _env["BENCH_DUMP"])


class _Stop(gdb.Command):
    """bench-stop [hits=EXPR] [exit=CODE] [dump=MIB]"""

    def __init__(self):
        super().__init__("bench-stop", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        secs = time.monotonic() - _t0
        result = {"secs": secs}
        for check in arg.split():
            what, expr = check.split("=", 1)
            want = eval(expr, {}, dict(PARAMS))
            if what == "hits":
                got = gdb.breakpoints()[-1].hit_count
            elif what == "exit":
                v = gdb.convenience_variable("_exitcode")
                got = None if v is None else int(v)
            elif what == "dump":
                path = _env["BENCH_DUMP"]
                with open(path, "rb") as f:
                    data = f.read()
                os.unlink(path)
                got = want if data == bytes(range(256)) * (want << 12) \
                    else "%d bytes, not the pattern" % len(data)
            else:
                _fail("unknown check %s" % check)
            if got != want:
                _fail("%s: expected %s, got %s" % (what, want, got))
            result[what] = got
        _write(result)


class _Rss(gdb.Command):
    """bench-rss: the server's own peak and current RSS, from /proc/self."""

    def __init__(self):
        super().__init__("bench-rss", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        path = _env["BENCH_DUMP"]
        gdb.execute("remote get /proc/self/status %s" % path, to_string=True)
        result = {}
        with open(path) as f:
            for line in f:
                key, _, val = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    result[key + "_kib"] = int(val.split()[0])
        os.unlink(path)
        if "VmHWM_kib" not in result:
            _fail("no VmHWM in the server's /proc/self/status")
        _write(result)


class _End(gdb.Command):
    """bench-end"""

    def __init__(self):
        super().__init__("bench-end", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if gdb.selected_inferior().pid:
            gdb.execute("kill")
        gdb.execute("quit 0")


class _Go(gdb.Command):
    """bench-go"""

    def __init__(self):
        super().__init__("bench-go", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        gdb.execute("target extended-remote 127.0.0.1:%s" % _env["BENCH_PORT"])
        gdb.execute("remote put %s %s" % (_env["BENCH_GO"], _env["BENCH_GO_TARGET"]))
        gdb.execute("quit 0")


_Connect()
_Go()
_Args()
_Start()
_Dump()
_Stop()
_Rss()
_End()
