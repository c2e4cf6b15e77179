# 100 threads created and exiting while catch syscall is active: every
# thread's getppid() is reported exactly twice, entry then return, in that
# thread; no stop is lost, none belongs to a vanished thread, and the
# program ends normally.
a64-connect
break main
run-to run
delete
catch syscall getppid
python
seen = {}
bad = []
for k in range(200):
    kind, name = run_to("continue")
    if kind not in ("syscall-entry", "syscall-return") or name != "getppid":
        bad.append("stop %d: %s %s" % (k, kind, name))
        break
    tid = gdb.selected_thread().ptid[1]
    seen.setdefault(tid, []).append(kind)
check(not bad, "200 stops are all getppid syscall stops", "; ".join(bad))
check(len(seen) == 100, "100 distinct threads reported", "got %d" % len(seen))
wrong = [t for t, ks in seen.items() if ks != ["syscall-entry", "syscall-return"]]
check(not wrong, "each thread: entry then return, once", str([(t, seen[t]) for t in wrong[:3]]))
end
delete
break all_done
run-to continue
check-stop breakpoint
check-eq done 100
python check(len(gdb.selected_inferior().threads()) == 1, "only main is left", str(len(gdb.selected_inferior().threads())))
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
