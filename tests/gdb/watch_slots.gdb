# Out of hardware slots.  Five watchpoints (4 slots): `continue` fails
# with GDB's "Could not insert hardware watchpoint 6" and the program has
# not moved; without the fifth, the four writes are reported with their
# values.  Seven hbreaks (6 slots): the same, in GDB's words for a
# breakpoint ("Cannot insert hardware breakpoint 13"); without
# the seventh, six hits.
a64-connect
break main
run-to run
check-stop breakpoint
delete
watch g1
watch g2
watch g3
watch g4
watch g5
python
def resume_fails(what, want):
    pc = int(gdb.parse_and_eval("$pc"))
    err = ""
    # GDB prints the warning on stderr, which the runner sends to the log.
    errpath = os.readlink("/proc/self/fd/2")
    gdb.flush()
    pos = os.path.getsize(errpath)
    try:
        gdb.execute("continue")
    except gdb.error as e:
        err = str(e)
    gdb.flush()
    with open(errpath, "rb") as f:
        f.seek(pos)
        out = f.read().decode("utf-8", "replace")
    check(want in out, "%s: GDB says %r" % (what, want), out[-400:])
    check("You may have requested too many hardware breakpoints/watchpoints." in out,
          "%s: ... too many hardware breakpoints/watchpoints" % what, out[-400:])
    check(err == "Command aborted.", "%s: continue is aborted" % what, err)
    check(int(gdb.parse_and_eval("$pc")) == pc, "%s: the program did not move" % what)
    check(gdb.selected_inferior().pid > 0, "%s: the program is still there" % what)
resume_fails("5 watchpoints", "Could not insert hardware watchpoint 6.")
end
check-eq g1 0
delete 6
python
import re
for n in (1, 2, 3, 4):
    run_to("continue")
    t = " ".join(_last_stop.split())
    want = "Hardware watchpoint %d: g%d Old value = 0 New value = %d " % (n + 1, n, n)
    check(want in t, "watchpoint on g%d reports 0 -> %d" % (n, n), t[-300:])
end
delete
python
for n in range(1, 8):
    gdb.execute("hbreak f%d" % n)
resume_fails("7 hbreaks", "Cannot insert hardware breakpoint 13.")
end
check-eq calls 0
delete 13
python
for n in range(1, 7):
    run_to("continue")
    check(stop_kind(_last_stop)[0] == "breakpoint" and gdb.selected_frame().name() == "f%d" % n,
          "hbreak f%d is hit" % n, _last_stop[-300:])
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 22 -- 1+2+3+4+5 + 7 calls
check-done
