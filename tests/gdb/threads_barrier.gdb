# Four threads released together by a barrier onto one breakpoint, three
# rounds: GDB sees exactly 12 breakpoint stops, each in a worker thread
# with its own argument, every worker exactly 3 times, and none in main.
a64-connect
break target
break done
run-to run
check-stop breakpoint
python
# The first stop came from `run` above; collect every stop until done().
stops, bad = [], []
first = True
for i in range(40):
    if not first:
        kind, _ = run_to("continue")
        if kind != "breakpoint":
            bad.append("stop %d: %s" % (i, kind))
            break
    first = False
    fname = gdb.selected_frame().name()
    if fname == "done":
        break
    if fname != "target":
        bad.append("stop %d in %s" % (i, fname))
        continue
    stops.append((gdb.selected_thread().ptid[1], int(gdb.parse_and_eval("k"))))
check(not bad, "every stop is at target() or done()", "; ".join(bad))
check(gdb.selected_frame().name() == "done", "the program reached done()", str(frame_names()))
check(len(stops) == 12, "12 stops at target()", str(stops))
check(gdb.breakpoints()[0].hit_count == 12, "hit count is 12", str(gdb.breakpoints()[0].hit_count))
for k in (1, 2, 3, 4):
    n = sum(1 for s in stops if s[1] == k)
    check(n == 3, "worker %d stopped 3 times" % k, str(stops))
lwps = set(s[0] for s in stops)
check(len(lwps) == 4 and gdb.selected_inferior().pid not in lwps,
      "four worker threads, not main", str(lwps))
by_lwp = {}
for lwp, k in stops:
    by_lwp.setdefault(lwp, set()).add(k)
check(all(len(v) == 1 for v in by_lwp.values()), "each thread always has its own k", str(by_lwp))
end
check-eq calls 12
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
