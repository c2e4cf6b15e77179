# qXfer:osdata:read: `info os processes` lists the program's pid with its
# command line, `info os threads` its thread, `info os files` the file it
# holds open on descriptor 7, and `info os` the tables there are.
a64-connect
set args one two
break opened
run-to run
check-stop breakpoint
python
import os
pid = gdb.selected_inferior().pid
prog = "%s/osdata" % os.environ.get("A64_GUEST_DIR", "/extra")
def rows(table):
    text = gdb.execute("info os %s" % table, to_string=True)
    return [l.split() for l in text.splitlines() if l.split()]
procs = [r for r in rows("processes") if r[0] == str(pid)]
check(len(procs) == 1, "info os processes: one row of pid %d" % pid, str(procs))
check(procs and " ".join(procs[0]).find("%s one two" % prog) > 0,
      "info os processes: its command line", str(procs))
threads = [r for r in rows("threads") if len(r) >= 4 and r[0] == str(pid)]
check(len(threads) == 1 and threads[0][2] == str(pid),
      "info os threads: its one thread, tid == pid", str(threads))
files = [r for r in rows("files") if len(r) >= 4 and r[0] == str(pid) and r[2] == "7"]
check(len(files) == 1 and files[0][3] == prog,
      "info os files: descriptor 7 is its own file", str(files))
types = gdb.execute("info os", to_string=True)
check(all(t in types for t in ("processes", "threads", "files", "cpus")),
      "info os lists the tables", types)
end
delete
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
