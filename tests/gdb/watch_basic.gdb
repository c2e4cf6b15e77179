# hbreak (Z1) with a hit count, then watch (Z2, old and new values), rwatch
# (Z3) and awatch (Z4): each stops right after the access with GDB's
# exact report.
a64-connect
break main
run-to run
check-stop breakpoint
delete
hbreak hw_target
python check(gdb.breakpoints()[0].type == gdb.BP_HARDWARE_BREAKPOINT, "a hardware breakpoint")
python
for i in range(4):
    run_to("continue")
    check(stop_kind(_last_stop)[0] == "breakpoint" and gdb.selected_frame().name() == "hw_target",
          "hbreak: stop %d in hw_target" % i, _last_stop[-200:])
    check(int(gdb.parse_and_eval("i")) == i, "hbreak: stop %d has i == %d" % (i, i))
check(gdb.breakpoints()[0].hit_count == 4, "hbreak hit count is 4", str(gdb.breakpoints()[0].hit_count))
end
delete
watch w_write
python
import re
def watch_stop(what, text_re, line_marker):
    run_to("continue")
    t = " ".join(_last_stop.split())
    check(re.search(text_re, t) is not None, "%s: GDB reports %r" % (what, text_re), t[-300:])
    check_line(line_marker, "%s: stopped after the access" % what)
watch_stop("watch 1", r"Hardware watchpoint 3: w_write Old value = 0 New value = 1 ", "L:write2")
watch_stop("watch 2", r"Hardware watchpoint 3: w_write Old value = 1 New value = 5 ", "L:write3")
watch_stop("watch 3", r"Hardware watchpoint 3: w_write Old value = 5 New value = 15 ", "L:read1")
gdb.execute("delete")
gdb.execute("rwatch w_read")
watch_stop("rwatch 1", r"Hardware read watchpoint 4: w_read Value = 7 ", "L:read1")
end
python
watch_stop("rwatch 2", r"Hardware read watchpoint 4: w_read Value = 7 ", "L:read2")
gdb.execute("delete")
gdb.execute("awatch w_access")
watch_stop("awatch write", r"Hardware access \(read/write\) watchpoint 5: w_access Old value = 0 New value = 3 ", "L:access_r")
watch_stop("awatch read", r"Hardware access \(read/write\) watchpoint 5: w_access Value = 3 ", "L:access_r")
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 30 -- 0+1+2+3 + 7 + 14 + 3
check-done
