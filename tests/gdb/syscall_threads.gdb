# x7 of a thread that GDB did not see stop at a syscall: the spinner
# thread keeps x7 = BMAGIC and makes getppid calls non-stop; with `catch
# syscall write` on, every time the main thread stops at a breakpoint the
# spinner is stopped too, often at a syscall stop GDB was not told of.
# There GDB must see its real x7 (the contract's "any other stop"), 20
# times; then `set $x7 = M2` in the spinner must reach it; and once the
# spinner spins in user mode without syscalls, a breakpoint in the main
# thread must still stop it (the stub must not think it is still being
# interrupted from before).
a64-connect
break hit
catch syscall write
run-to run
check-stop breakpoint
python
M64 = (1 << 64) - 1
BMAGIC = 0x6b6b6b6b6b6b6b6b
wrong = []
for i in range(20):
    if i:
        kind, _ = run_to("continue")
        if kind != "breakpoint":
            wrong.append("stop %d: %s" % (i, kind))
            break
    spin = [t for t in gdb.selected_inferior().threads() if t.num == 2]
    main = gdb.selected_thread()
    if not spin:
        wrong.append("stop %d: no thread 2" % i)
        break
    spin[0].switch()
    x7 = int(gdb.parse_and_eval("$x7")) & M64
    if x7 != BMAGIC:
        sysno = int(gdb.parse_and_eval("$syscallno"))
        wrong.append("stop %d: x7 %#x (syscallno %d)" % (i, x7, sysno))
    if i < 19:
        main.switch()
check(not wrong, "the spinner's x7 is BMAGIC at all 20 stops", "; ".join(wrong[:6]))
end
set $x7 = 0x6c6c6c6c6c6c6c6c
delete
break after_write
run-to continue
check-stop breakpoint
check-eq b_x7_final 0x6c6c6c6c6c6c6c6c -- the spinner saw GDB's x7
python check(len(gdb.selected_inferior().threads()) == 2, "two threads", str(gdb.selected_inferior().threads()))
delete
break done
run-to continue
check-stop breakpoint
check-done
