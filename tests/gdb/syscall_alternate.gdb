# Stops strictly alternate entry/return, starting with an entry, across
# 500 getppid calls with `catch syscall` (any syscall): each one the
# syscall of the program's loop (x0 = i, x7 = BASE + i); then 100 getpid/
# getppid pairs with `catch syscall getppid`: only getppid stops, still
# alternating.  The program checks that x7 survived every svc.
a64-connect
break loop1
run-to run
check-stop breakpoint
delete
catch syscall
check-reg orig_x7
check-reg orig_x0
python
BASE = 0x7a7a000000000000
M64 = (1 << 64) - 1

def reg(name):
    return int(gdb.parse_and_eval("$" + name)) & M64

def loop_stop(k, kind, name):
    i = k // 2
    if name != "getppid":
        return "name %s" % name
    if reg("orig_x0") != i or reg("orig_x7") != BASE + i:
        return "orig_x0 %#x orig_x7 %#x, want %#x %#x" % (
            reg("orig_x0"), reg("orig_x7"), i, BASE + i)
    marker = 0 if kind == "syscall-entry" else 1
    if reg("x7") != marker:
        return "x7 %#x, want %d" % (reg("x7"), marker)
    if kind == "syscall-entry" and reg("x0") != i:
        return "x0 %#x, want %#x" % (reg("x0"), i)
    return None

n1 = int(gdb.parse_and_eval("n1"))
syscall_stops(2 * n1, loop_stop)
end
delete
break loop2
run-to continue
check-stop breakpoint
delete
catch syscall getppid
python
n2 = int(gdb.parse_and_eval("n2"))
syscall_stops(2 * n2, loop_stop)
end
delete
break done
run-to continue
check-stop breakpoint
check-eq bad 0 -- x7 survived every svc
run-to continue
check-stop exited
check-done
