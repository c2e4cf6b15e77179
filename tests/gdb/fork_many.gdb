# `set detach-on-fork off` + `set schedule-multiple on` on a program that
# forks and reaps 50 children while another thread hits a breakpoint over
# and over (issue 18, fault 2): a fork child must not be in the thread
# lists before its fork event is reported, or GDB, which reads the list at
# every stop, makes an inferior for it and then aborts at the fork stop
# (infrun.c: "follow_fork_inferior: Assertion
# '!child_inf->thread_list.empty ()'"; gdbserver: 50 forks, 51 exits).
# Every child exits with its index, then the parent with 0, having reaped
# all 50 with the right codes.
a64-connect
set detach-on-fork off
set schedule-multiple on
break tick
run-to run
python
import re
exits, bad = [], []
text = _last_stop
for i in range(2000):
    for m in re.finditer(r"\[Inferior (\d+) \(process (\d+)\) exited (?:with code (\d+)|normally)\]", text):
        exits.append(int(m.group(3) or "0", 8))
    if "internal-error" in text or "Assertion" in text:
        bad.append(text[-400:])
        break
    live = [inf for inf in gdb.inferiors() if inf.pid > 0]
    if not live:
        break
    if len(exits) == 50:	# no more forks: let the ticker end
        gdb.execute("delete")
    gdb.execute("inferior %d" % live[0].num)
    run_to("continue")
    text = _last_stop
check(not bad, "GDB did not abort", "; ".join(bad))
check(len(exits) == 51, "51 exits (50 children and the parent)", "got %d: %s" % (len(exits), exits))
check(sorted(exits[:-1]) == list(range(50)) and exits[-1:] == [0],
      "the children exit with 0..49, then the parent with 0", str(exits))
end
check-done
