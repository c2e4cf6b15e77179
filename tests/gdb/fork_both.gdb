# `set detach-on-fork off` + `set schedule-multiple on`: GDB debugs both
# processes (at the first stop `info inferiors` shows both pids); the
# child stops at child_part() and the parent at parent_part(), in either
# order; the child exits with 33; the parent, having reaped it, stops in
# parent_done() (so that it is not still running to its own end while GDB
# looks at it after the child's) and exits with 0.
a64-connect
set detach-on-fork off
set schedule-multiple on
break child_part
break parent_part
break parent_done
run-to run
check-stop breakpoint
python
import re
infs = sorted((i.num, i.pid) for i in gdb.inferiors())
check(len(infs) == 2 and all(p > 0 for _, p in infs), "two live inferiors at the first stop", str(infs))
out = gdb.execute("info inferiors", to_string=True)
check(all(("process %d" % p) in out for _, p in infs), "info inferiors shows both pids", out)
stops, exits, bad = [], [], []
text = _last_stop
for i in range(8):
    for m in re.finditer(r"\[Inferior (\d+) \(process (\d+)\) exited (?:with code (\d+)|normally)\]", text):
        exits.append((int(m.group(1)), int(m.group(2)), int(m.group(3) or "0", 8)))
    kind, _ = stop_kind(text)
    if kind == "breakpoint":
        stops.append((gdb.selected_frame().name(), gdb.selected_inferior().num, gdb.selected_inferior().pid))
        if stops[-1][0] == "parent_part":
            parent_child_pid = int(gdb.parse_and_eval("child_pid"))
        if stops[-1][0] == "parent_done":
            done_status = int(gdb.parse_and_eval("child_status"))
    elif kind != "exited":
        bad.append(text[-300:])
    if len(exits) == 2:
        break
    live = [inf for inf in gdb.inferiors() if inf.pid > 0]
    if not live:
        break
    gdb.execute("inferior %d" % live[0].num)
    run_to("continue")
    text = _last_stop
check(not bad, "every stop is a breakpoint or an exit", "; ".join(bad))
funcs = sorted(s[0] for s in stops)
check(funcs == ["child_part", "parent_done", "parent_part"], "one stop in the child, two in the parent", str(stops))
parent = [s for s in stops if s[0] == "parent_part"]
done_stops = [s for s in stops if s[0] == "parent_done"]
child = [s for s in stops if s[0] == "child_part"]
if parent and child:
    check(parent[0][1] == 1 and child[0][1] == 2, "the parent is inferior 1, the child inferior 2", str(stops))
    check(parent_child_pid == child[0][2], "the parent's child_pid is the child's pid", str(parent_child_pid))
    check(bool(done_stops) and done_status == 33, "at parent_done the parent has reaped 33", str(stops))
    check(exits == [(2, child[0][2], 33), (1, parent[0][2], 0)],
          "the child exits with 33, then the parent with 0", str(exits))
end
check-done
