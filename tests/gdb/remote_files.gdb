# GDB with no local copy of the program: after `run` it reads the program
# from the target (qXfer:exec-file:read, vFile:), so `break main` resolves
# and &some_global is where the program has it.  Then `remote get` of a
# file the program wrote, `remote put` of a host file that the program
# reads back in the guest (size and a weighted sum), and `remote delete`
# that the program sees (stat: ENOENT).
python
import os, tempfile
gdb.execute("file")
check(gdb.current_progspace().filename is None, "no local program", str(gdb.current_progspace().filename))
gdb.execute("set sysroot target:")
gdb.execute("set breakpoint pending on")
gdb.execute("target extended-remote 127.0.0.1:%s" % os.environ.get("A64_PORT", "1234"))
gdb.execute("set remote exec-file %s/remote_files" % os.environ.get("A64_GUEST_DIR", "/extra"))
end
break main
run-to run
check-stop breakpoint
python
fn = gdb.current_progspace().filename
check(fn is not None and fn.endswith("/remote_files"), "GDB read the program from the target", str(fn))
check(gdb.selected_frame().name() == "main", "the pending break main resolved and was hit", str(frame_names()))
end
delete
break check_put
run-to continue
check-stop breakpoint
python
check(gdb.selected_frame().name() == "check_put", "break check_put (now with symbols)", str(frame_names()))
check(frame_names()[-1] == "main", "main in the backtrace", str(frame_names()))
sym = gdb.execute("info symbol &some_global", to_string=True)
check(sym.startswith("some_global in section .data"), "info symbol names some_global", sym)
end
check-eq (long)&some_global (long)self_addr -- GDB's &some_global is the program's
check-eq some_global 0x600d
python
tmp = tempfile.mkdtemp(prefix="a64stub-remote-files-")
# remote get: a file the program wrote
got = os.path.join(tmp, "from-guest")
gdb.execute("remote get /tmp/a64stub-from-guest %s" % got)
want = "".join("line %d of the guest's file\n" % i for i in range(1000)).encode()
data = open(got, "rb").read() if os.path.exists(got) else b""
check(data == want, "remote get: the guest's file, byte for byte (%d bytes)" % len(want), "got %d bytes" % len(data))
# remote put: every byte value, more than one packet's worth
blob = bytes((i * 7 + (i >> 8)) & 0xff for i in range(200000))
src = os.path.join(tmp, "put-me")
open(src, "wb").write(blob)
gdb.execute("remote put %s /tmp/a64stub-put" % src)
back = os.path.join(tmp, "put-back")
gdb.execute("remote get /tmp/a64stub-put %s" % back)
data = open(back, "rb").read() if os.path.exists(back) else b""
check(data == blob, "remote put then get: the same 200000 bytes", "got %d bytes" % len(data))
want_sum = sum(b * (i + 1) for i, b in enumerate(blob)) & ((1 << 64) - 1)
gdb.execute("set $want_sum = %d" % want_sum)
end
delete
break check_gone
run-to continue
check-stop breakpoint
check-eq put_size 200000 -- the program read the put file
check-eq put_sum $want_sum -- ... with the right bytes
remote delete /tmp/a64stub-put
delete
finish
check-eq gone_errno 2 -- ENOENT: remote delete removed it
python
try:
    gdb.execute("remote get /tmp/a64stub-put %s" % os.path.join(tmp, "gone"))
    check(False, "remote get of a deleted file fails")
except gdb.error as e:
    check("No such file" in str(e), "remote get of a deleted file fails: ENOENT", str(e))
import shutil
shutil.rmtree(tmp)
end
run-to continue
check-stop exited
check-eq $_exitcode 0
check-done
