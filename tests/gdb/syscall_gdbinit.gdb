# The repository's gdbinit: `syscall-view` (and `sv`) print exactly the
# documented text at an entry and a return stop of write(77, msg, 13)
# issued with x3 = 0xffffffff, x4 = 2^32, x5 = -1, x7 = 0x7777777777777777;
# at a second write GDB changes x0 to a closed fd at entry (the view shows
# it as the first argument: orig_x0 follows x0 there) and the return shows
# the decoded EBADF; `syscall-view-on-stop on`
# prints the view at a syscall stop; elsewhere it says "not at a syscall
# stop".
a64-connect
python gdb.execute("source " + os.path.join(os.getcwd(), "gdbinit"))
break main
run-to run
check-stop breakpoint
delete
catch syscall write
check-reg orig_x0
check-reg orig_x7
check-reg syscallno
python
M64 = (1 << 64) - 1

def fmt(v):
    u = v & M64
    s = u - (1 << 64) if u >= 1 << 63 else u
    return "%#x (%d)" % (u, s) if -2**31 <= s < 2**32 else "%#x" % u

msg_addr = int(gdb.parse_and_eval("&msg"))
def view(kind, result="", orig_x0="0x4d (77)"):
    text = ("syscall write (64) %s\n"
            "  x0 (orig_x0) = %s\n" % (kind, orig_x0) +
            "  x1           = %s\n" % fmt(msg_addr) +
            "  x2           = 0xd (13)\n"
            "  x3           = 0xffffffff (4294967295)\n"
            "  x4           = 0x100000000\n"
            "  x5           = 0xffffffffffffffff (-1)\n"
            "  x7 (real)    = 0x7777777777777777\n")
    if result:
        text += "  result       = %s\n" % result
    return text

def check_view(cmd, want, label):
    try:
        got = gdb.execute(cmd, to_string=True)
    except gdb.error as e:
        got = "error: %s" % e
    check(got == want, label, "expected:\n%s\ngot:\n%s" % (want, got))
end

run-to continue
check-stop syscall-entry write
python check_view("syscall-view", view("entry"), "syscall-view at the entry stop")
python check_view("sv", view("entry"), "sv at the entry stop")
run-to continue
check-stop syscall-return write
python check_view("syscall-view", view("return", result="0xd (13)"), "syscall-view at the return stop")

# Second write: x0 changed at entry to a closed fd.  The kernel then
# takes the new x0 as orig_x0 too when the entry stop ends (arm64:
# "keep orig_x0 in sync with x0 on syscall entry"), so the return stop
# shows 98 as the first argument, on the stock and the seed kernel.
run-to continue
check-stop syscall-entry write
set $x0 = 98
python check_view("syscall-view", view("entry", orig_x0="0x62 (98)"), "syscall-view after set $x0 = 98")
syscall-view-on-stop on
run-to continue
check-stop syscall-return write
python want = view("return", result="-9 (EBADF: Bad file descriptor)", orig_x0="0x62 (98)")
python check(want in _last_stop, "syscall-view-on-stop printed the return view", "expected:\n%s\nin:\n%s" % (want, _last_stop))
python check_view("syscall-view", want, "syscall-view at the EBADF return stop")
syscall-view-on-stop off

delete
break *x7_set
run-to continue
check-stop breakpoint
python check_view("syscall-view", "not at a syscall stop (syscallno = -1, x7 = 0x123456789abcdef0)\n", "syscall-view at a breakpoint")
check-eq result[0] 13
check-eq result[1] -9
check-done
