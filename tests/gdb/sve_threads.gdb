# needs-cpu: max
# Threads with different vector lengths: each thread's vg and z0 are its
# own, and a write in each reaches that thread only.
a64-connect
break *thr_stop
run-to run
check-stop breakpoint
python
thr = gdb.selected_thread().num
main = [t for t in gdb.selected_inferior().threads() if t.num != thr][0]
check(thr != main.num, "two threads")
check_eq("thr_vl", 16, "the second thread's prctl gave 128 bits")
check_eq("$vg", 2, "second thread: vg is 2 (128 bits)")
for i in range(4):
    check_eq("$z0.s.u[%d]" % i, 100 + i, "second thread: z0.s[%d] is %d" % (i, 100 + i))
for i in range(4, 8):
    check_eq("$z0.s.u[%d]" % i, 0, "second thread: z0.s[%d] past its length is 0" % i)
gdb.execute("set var $z0.s.u[2] = 0x2222")
main.switch()
check_eq("main_vl", 32, "the main thread's prctl gave 256 bits")
check_eq("$vg", 4, "main thread: vg is 4 (256 bits)")
for i in range(8):
    check_eq("$z0.s.u[%d]" % i, i + 1, "main thread: z0.s[%d] is %d" % (i, i + 1))
gdb.execute("set var $z0.s.u[7] = 0x7777")
gdb.execute("thread %d" % thr)
check_eq("$z0.s.u[2]", 0x2222, "second thread: the write is its own")
check_eq("$z0.s.u[7]", 0, "second thread: the main thread's write is not here")
end
delete
break stored
run-to continue
check-stop breakpoint
python
m = [1, 2, 3, 4, 5, 6, 7, 0x7777]
for i in range(8):
    check_eq("main_out[%d]" % i, m[i], "the main thread's z0.s[%d] is %#x" % (i, m[i]))
t = [100, 101, 0x2222, 103]
for i in range(4):
    check_eq("thr_out[%d]" % i, t[i], "the second thread's z0.s[%d] is %#x" % (i, t[i]))
end
check-done
