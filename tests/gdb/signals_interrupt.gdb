# GDB's interrupt on a program with a thread spinning in user mode, one
# blocked in read() and main in pthread_join: one SIGINT stop, all three
# threads stopped where they were (the reader inside read with x0 = the
# pipe's fd), interrupted twice; then the spinner is released and the
# restarted read gets its byte.
a64-connect
break spin
run-to run
check-stop breakpoint
delete
python
def by_name(n):
    return [t for t in gdb.selected_inferior().threads() if t.name == n]
def check_threads(round):
    ths = gdb.selected_inferior().threads()
    check(len(ths) == 3, "round %d: three threads" % round, str([t.name for t in ths]))
    r, s = by_name("reader"), by_name("spinner")
    cur = gdb.selected_thread()
    if r:
        r[0].switch()
        names = frame_names()
        check("read" in names[0] and names[-1] != "main", "round %d: the reader is in read" % round, str(names))
        check(int(gdb.parse_and_eval("$x0")) == int(gdb.parse_and_eval("pfd[0]")),
              "round %d: the reader's x0 is the pipe's fd" % round,
              str(gdb.parse_and_eval("$x0")))
    else:
        check(False, "round %d: a reader thread" % round)
    if s:
        s[0].switch()
        check(frame_names()[0] == "spin", "round %d: the spinner is in spin()" % round, str(frame_names()))
    else:
        check(False, "round %d: a spinner thread" % round)
    cur.switch()
end
run-interrupted continue
check-stop signal SIGINT
python check_threads(1)
check-eq nread -99 -- the read has not returned
run-interrupted continue
check-stop signal SIGINT
python check_threads(2)
set var stop_spin = 1
run-to continue
check-stop exited
check-eq $_exitcode 0 -- the restarted read got the byte
check-done
