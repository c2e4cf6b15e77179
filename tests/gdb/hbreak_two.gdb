# Two hbreaks (Z1): each hit, on the older one as on the newer, stops in
# the right function and its stop reply names the reason, "hwbreak:"
# (read from `set debug remote 1`, logged to a file of its own).  Before
# the fix only the first slot in the stub's list was looked at.
a64-connect
break main
run-to run
check-stop breakpoint
delete
hbreak hb_first
hbreak hb_second
python
import os
import re
log = os.path.join(os.environ.get("A64_BUILD", "build"), "test-logs", "hbreak_two.remote.log")
gdb.execute("set logging file " + log)
gdb.execute("set logging overwrite on")
gdb.execute("set logging debugredirect on")
gdb.execute("set logging enabled on")
gdb.execute("set debug remote 1")
pos = 0
for i, fn in [(0, "hb_first"), (0, "hb_second"), (1, "hb_first"), (1, "hb_second")]:
    run_to("continue")
    gdb.flush()
    with open(log, errors="replace") as f:
        f.seek(pos)
        text = f.read()
        pos = f.tell()
    replies = re.findall(r"Packet received: (T05[^\n]*)", text)
    check(gdb.selected_frame().name() == fn, "stop in %s (i == %d)" % (fn, i),
          str(gdb.selected_frame().name()))
    check(int(gdb.parse_and_eval("i")) == i, "%s: i == %d" % (fn, i))
    # GDB steps off the last breakpoint first: that step's T05 has none.
    check(len(replies) >= 1 and "hwbreak:;" in replies[-1],
          "%s (i == %d): the stop reply has hwbreak:" % (fn, i), str(replies[-1:])[:300])
gdb.execute("set debug remote 0")
gdb.execute("set logging enabled off")
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 3
check-done
