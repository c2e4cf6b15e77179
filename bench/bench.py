#!/usr/bin/env python3
"""The benchmarks: a64stub against Debian's gdbserver in the same guest.

Called by `make bench` / `make bench-quick` (bench/bench.mk), which has
built the programs and filled EXTRA (the guest's /extra).  Boots one guest
with both servers (a64stub --multi on guest port 1234, gdbserver --multi on
1235, started by bench/autostart.c, which also measures the untraced and
bare-tracer runs), runs every workload RUNS times on each server,
alternating which goes first (the in-guest runs too, in rounds between
the GDB ones), prints a table and writes it as JSON.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVERS = ("a64stub", "gdbserver")

# name, script, what is measured, unit, higher is better
WORKLOADS = [
    ("syscall_catch", "1. catch syscall getppid, silent/continue"),
    ("breakpoint", "2. breakpoint, silent/continue"),
    ("stepi", "3. stepi N"),
    ("memread", "4. dump binary memory (MiB/s)"),
    ("run_exit", "5. run to exit, no catches"),
    ("latency", "6. connect to first stop"),
    ("syscall_filter", "7. syscall stops, filter matches none (stops/s)"),
]


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def stats(xs):
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs),
            "samples": xs}


class Bench:
    def __init__(self, a):
        self.a = a
        self.build = a.build
        self.console = os.path.join(a.build, "vm", str(a.port), "console.log")
        self.outdir = os.path.join(a.build, "bench", "runs")
        os.makedirs(self.outdir, exist_ok=True)
        self.only = [w for w, _ in WORKLOADS if not a.only or w in a.only.split(",")]
        self.params = {"N": a.n, "MIB": a.mib, "SYSCALLS": a.syscalls,
                       "TRACE_SYSCALLS": a.trace_syscalls}

    def make(self, *args):
        cmd = [os.environ.get("MAKE", "make"), "-s", "BUILD=" + self.build,
               "VM_PORT=%d" % self.a.port] + list(args)
        return subprocess.run(cmd).returncode

    def wait_console(self, marker, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(self.console, errors="replace") as f:
                text = f.read()
            if marker in text:
                return text
            if "a64stub-vm: shutdown" in text:
                break
            time.sleep(0.2)
        raise RuntimeError("no %r on the guest console (%s)" % (marker, self.console))

    def boot(self):
        with open(os.path.join(self.a.extra, "bench.conf"), "w") as f:
            f.write("runs %d\nsyscalls %d\ntrace_syscalls %d\n"
                    % (self.a.runs, self.a.syscalls, self.a.trace_syscalls))
        t0 = time.monotonic()
        log("booting the guest (a64stub and gdbserver)")
        # No vm-down first: another run may own the port; vm-up says so.
        if self.make("vm-up", "VM_FWD2=%d" % self.a.port2,
                     "VM_EXTRA=" + self.a.extra) != 0:
            raise RuntimeError("the guest did not come up")
        self.wait_console("Listening on port %s" % ("1235"), 60)
        log("both servers listen (%.0f s)" % (time.monotonic() - t0))

    def native_round(self, k):
        """Have the guest's autostart run round K of the untraced and bare
        tracer runs (it waits for /tmp/bench-go-K), and wait for them."""
        go = os.path.join(self.outdir, "go")
        open(go, "w").close()
        env = dict(os.environ, BENCH_PORT=str(self.a.port), BENCH_GO=go,
                   BENCH_GO_TARGET="/tmp/bench-go-%d" % k)
        rc = subprocess.run(["gdb-multiarch", "-nx", "-batch",
                             "-x", os.path.join(HERE, "lib.py"),
                             "-ex", "bench-go"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL).returncode
        if rc != 0:
            raise RuntimeError("could not start in-guest round %d" % k)
        self.wait_console("a64bench: native round %d done" % k, 3600)

    def native_results(self):
        with open(self.console, errors="replace") as f:
            text = f.read()
        native = {"untraced": [], "trace": []}
        for m in re.finditer(r"a64bench: (untraced|trace) stops=(\d+) ns=(\d+) status=(\d+)", text):
            if m.group(4) != "0":
                raise RuntimeError("in-guest run failed: " + m.group(0))
            native[m.group(1)].append((int(m.group(2)), int(m.group(3)) / 1e9))
        if len(native["untraced"]) != self.a.runs or len(native["trace"]) != self.a.runs:
            raise RuntimeError("expected %d in-guest runs of each kind" % self.a.runs)
        return native

    def gdb(self, server, script):
        """Run one GDB session; returns the JSON objects bench-stop wrote."""
        out = os.path.join(self.outdir, "%s.%s" % (script, server))
        res = out + ".json"
        if os.path.exists(res):
            os.unlink(res)
        env = dict(os.environ)
        env.update({"BENCH_PORT": str(self.a.port if server == "a64stub" else self.a.port2),
                    "BENCH_GUEST_DIR": self.a.guest_dir, "BENCH_OUT": res,
                    "BENCH_DUMP": out + ".dump"})
        env.update({"BENCH_" + k: str(v) for k, v in self.params.items()})
        cmd = ["timeout", "-k", "5", str(self.a.timeout), "gdb-multiarch", "-nx", "-batch",
               "-ex", "set startup-with-shell off",
               "-ex", "set sysroot " + os.path.join(self.build, "bench", "sysroot"),
               "-ex", "set confirm off", "-ex", "set pagination off",
               "-ex", "set width 0",
               "-ex", "file " + os.path.join(self.a.extra, "workload"),
               "-x", os.path.join(HERE, "lib.py"),
               "-x", os.path.join(HERE, script + ".gdb")]
        with open(out + ".out", "w") as o, open(out + ".log", "w") as e:
            rc = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                                stdout=o, stderr=e).returncode
        results = []
        if os.path.exists(res):
            with open(res) as f:
                results = [json.loads(line) for line in f]
        if rc != 0 or not results:
            raise RuntimeError("%s on %s failed (exit %d): see %s.log and %s.out"
                               % (script, server, rc, out, out))
        return results[0]

    def run(self):
        a = self.a
        load0 = os.getloadavg()
        t0 = time.monotonic()
        os.makedirs(os.path.join(self.build, "bench", "sysroot"), exist_ok=True)
        self.boot()
        try:
            samples = {w: {s: [] for s in SERVERS} for w in self.only}
            for r in range(a.runs):
                order = SERVERS if r % 2 == 0 else SERVERS[::-1]
                if r % 2:
                    self.native_round(r + 1)
                for w in self.only:
                    for s in order:
                        t1 = time.monotonic()
                        samples[w][s].append(self.gdb(s, w)["secs"])
                        log("round %d/%d: %s on %s took %.1f s"
                            % (r + 1, a.runs, w, s, time.monotonic() - t1))
                if r % 2 == 0:
                    self.native_round(r + 1)
                log("round %d/%d done (%.0f s)" % (r + 1, a.runs, time.monotonic() - t0))
            rss = {s: self.gdb(s, "rss") for s in SERVERS}
            native = self.native_results()
        finally:
            self.make("vm-down")
        load1 = os.getloadavg()
        return self.report(samples, native, rss, load0, load1, time.monotonic() - t0)

    def report(self, samples, native, rss, load0, load1, secs):
        a = self.a
        stub_size = os.path.getsize(os.path.join(self.build, "a64stub"))
        gs_size = os.path.getsize(os.path.join(a.extra, "gdbserver-root", "bin", "gdbserver"))
        mib = a.mib
        trace_stops = native["trace"][0][0]
        res = {"params": dict(self.params, RUNS=a.runs),
               "host": {"loadavg_start": load0, "loadavg_end": load1,
                        "cpus": os.cpu_count(), "wall_secs": round(secs, 1)},
               "workloads": {}, "targets": {}}
        W = res["workloads"]
        for w, title in WORKLOADS:
            if w not in samples:
                continue
            entry = {"title": title}
            for s in SERVERS:
                xs = samples[w][s]
                if w == "memread":
                    entry[s] = stats([mib / x for x in xs])
                    entry[s]["unit"] = "MiB/s"
                elif w == "syscall_filter":
                    entry[s] = stats([trace_stops / x for x in xs])
                    entry[s]["unit"] = "stops/s"
                else:
                    entry[s] = stats(xs)
                    entry[s]["unit"] = "s"
            entry["ratio"] = entry["a64stub"]["median"] / entry["gdbserver"]["median"]
            W[w] = entry
        if "run_exit" in W:
            W["run_exit"]["untraced"] = dict(stats([x for _, x in native["untraced"]]), unit="s")
            W["run_exit"]["ratio_untraced"] = (W["run_exit"]["a64stub"]["median"]
                                               / W["run_exit"]["untraced"]["median"])
        if "syscall_filter" in W:
            W["syscall_filter"]["bare_tracer"] = dict(
                stats([n / x for n, x in native["trace"]]), unit="stops/s", stops=trace_stops)
            W["syscall_filter"]["ratio_bare"] = (W["syscall_filter"]["a64stub"]["median"]
                                                 / W["syscall_filter"]["bare_tracer"]["median"])
        res["rss_kib"] = {s: rss[s]["VmHWM_kib"] for s in SERVERS}
        res["binary_bytes"] = {"a64stub": stub_size,
                               "a64stub_stripped": stripped_size(
                                   a.strip, os.path.join(self.build, "a64stub")),
                               "gdbserver": gs_size,
                               "gdbserver_with_libs": gs_libs_size(a.extra)}
        T = res["targets"]

        def target(name, value, ok, want):
            T[name] = {"value": value, "want": want, "met": bool(ok)}
        for w in ("syscall_catch", "breakpoint", "stepi"):
            if w in W:
                target(w, W[w]["ratio"], W[w]["ratio"] <= 0.8, "a64stub/gdbserver time <= 0.8")
        if "memread" in W:
            target("memread", W["memread"]["ratio"], W["memread"]["ratio"] >= 1.5,
                   "a64stub/gdbserver throughput >= 1.5")
        if "run_exit" in W:
            target("run_exit", W["run_exit"]["ratio_untraced"],
                   W["run_exit"]["ratio_untraced"] <= 1.05, "a64stub/untraced time <= 1.05")
        if "syscall_filter" in W:
            target("syscall_filter", W["syscall_filter"]["ratio_bare"],
                   W["syscall_filter"]["ratio_bare"] >= 0.8,
                   "a64stub/bare tracer stop rate >= 0.8")
        target("rss", res["rss_kib"]["a64stub"], res["rss_kib"]["a64stub"] <= 2048,
               "a64stub peak RSS <= 2048 KiB")
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)
            f.write("\n")
        print(table(res))
        return res


def stripped_size(strip, path):
    """The size of PATH without symbols and debug info (None: no strip tool)."""
    tmp = path + ".stripped"
    try:
        subprocess.run([strip, "-o", tmp, path], check=True)
        return os.path.getsize(tmp)
    except (OSError, subprocess.CalledProcessError):
        return None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def gs_libs_size(extra):
    """gdbserver and the shared libraries it loads (not the loader)."""
    root = os.path.join(extra, "gdbserver-root")
    lib = os.path.join(root, "lib", "aarch64-linux-gnu")
    return os.path.getsize(os.path.join(root, "bin", "gdbserver")) + sum(
        os.path.getsize(os.path.join(lib, f))
        for f in ("libstdc++.so.6", "libgcc_s.so.1", "libc.so.6", "libm.so.6"))


def fmt(e):
    v = e["median"]
    if e["unit"] == "s":
        f = lambda x: "%.3f" % x
    else:
        f = lambda x: "%.0f" % x if x >= 100 else "%.1f" % x
    return "%s (%s-%s)" % (f(v), f(e["min"]), f(e["max"]))


def table(res):
    """The results as a Markdown table (the README's Performance section)."""
    p, h, W, T = res["params"], res["host"], res["workloads"], res["targets"]
    rows = ["| workload | a64stub | gdbserver | a64stub / gdbserver | target |",
            "|---|---|---|---|---|"]
    tgt = {k: "%s: %.2f %s" % (t["want"], t["value"], "met" if t["met"] else "**missed**")
           for k, t in T.items() if k != "rss"}
    for w, title in WORKLOADS:
        if w not in W:
            continue
        e = W[w]
        unit = e["a64stub"]["unit"]
        rows.append("| %s%s | %s | %s | %.2f | %s |" % (
            title, "" if unit != "s" else " (s)", fmt(e["a64stub"]),
            fmt(e["gdbserver"]), e["ratio"], tgt.get(w, "")))
        if w == "run_exit":
            rows.append("| 5. ... untraced, in the guest (s) | %s | | | |" % fmt(e["untraced"]))
        if w == "syscall_filter":
            rows.append("| 7. ... bare PTRACE_SYSCALL tracer, in the guest (stops/s) | %s | | | |"
                        % fmt(e["bare_tracer"]))
    rss, size = res["rss_kib"], res["binary_bytes"]
    rows.append("| peak RSS (VmHWM, KiB) | %d | %d | %.2f | %s |" % (
        rss["a64stub"], rss["gdbserver"], rss["a64stub"] / rss["gdbserver"],
        "%s: %s" % (T["rss"]["want"], "met" if T["rss"]["met"] else "**missed**")))
    rows.append("| binary size (bytes) | %d static%s | %d dynamic%s | | |" % (
        size["a64stub"],
        ", %d stripped" % size["a64stub_stripped"] if size.get("a64stub_stripped") else "",
        size["gdbserver"],
        ", %d with its libraries" % size["gdbserver_with_libs"]
        if size.get("gdbserver_with_libs") else ""))
    stops = W["syscall_filter"]["bare_tracer"]["stops"] if "syscall_filter" in W else 0
    head = ("N=%d, %d MiB, %d syscalls (workload 5), %d (workload 7: %d stops); "
            "%d runs each, alternating; median (min-max). Host: %d CPUs, load average "
            "%.1f at start, %.1f at end; %.0f s in all."
            % (p["N"], p["MIB"], p["SYSCALLS"], p["TRACE_SYSCALLS"], stops,
               p["RUNS"], h["cpus"], h["loadavg_start"][0], h["loadavg_end"][0],
               h["wall_secs"]))
    if len(W) < len(WORKLOADS):
        head += " Only: %s." % ", ".join(W)
    return head + "\n\n" + "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--extra", required=True, help="host folder that is the guest's /extra")
    ap.add_argument("--guest-dir", default="/extra")
    ap.add_argument("--port", type=int, default=1700)
    ap.add_argument("--port2", type=int, default=1701)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--mib", type=int, default=16)
    ap.add_argument("--syscalls", type=int, default=1000000)
    ap.add_argument("--trace-syscalls", type=int, default=100000)
    ap.add_argument("--timeout", type=int, default=900, help="seconds per GDB session")
    ap.add_argument("--json", default="build/bench.json")
    ap.add_argument("--only", default="",
                    help="comma-separated workloads to run (default: all): "
                    + ",".join(w for w, _ in WORKLOADS))
    ap.add_argument("--strip", default="strip", help="strip for the target's binaries")
    ap.add_argument("--table", help="print the table of this JSON file and exit")
    a = ap.parse_args()
    if a.table:
        with open(a.table) as f:
            print(table(json.load(f)))
        return 0
    try:
        Bench(a).run()
    except RuntimeError as e:
        log("FAILED: %s" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
