# needs-cpu: max
# Backtraces, finish, up and down through pac-ret code: the saved return
# addresses are signed (their top bits hold a PAC) and GDB strips them
# with pauth_dmask/pauth_cmask; also through a signal handler frame.
a64-connect
break depth3
run-to run
check-stop breakpoint
check-reg pauth_dmask
check-reg pauth_cmask
python
names = frame_names()
check(names == ["depth3", "depth2", "depth1", "main"], "bt: depth3 depth2 depth1 main",
      str(names))
# The PAC sits above the virtual address bits and below bit 55 (the
# kernel's ptrauth_user_pac_mask(): GENMASK(54, vabits)).
cmask = int(gdb.parse_and_eval("$pauth_cmask"))
dmask = int(gdb.parse_and_eval("$pauth_dmask"))
# (bits 48-54 on Debian's kernels, 39-54 on the seed kernel's 39-bit VA)
check(cmask != 0 and (cmask + (cmask & -cmask)) == 1 << 55 and cmask & -cmask >= 1 << 36,
      "pauth_cmask is bits vabits..54", hex(cmask))
check(dmask == cmask, "pauth_dmask is the same mask", hex(dmask))
# depth2's saved LR (at its frame pointer + 8) is signed: PAC bits set,
# and stripped it is depth1's pc, where GDB's frame 2 is.
gdb.execute("frame 1")
lr = int(gdb.parse_and_eval("*(unsigned long *)($x29 + 8)"))
pc2 = int(gdb.selected_frame().older().pc())
check(lr & cmask != 0, "depth2's saved LR carries a PAC", hex(lr))
check(lr & ~cmask == pc2, "stripped, it is frame 2's pc", "%#x vs %#x" % (lr & ~cmask, pc2))
check(gdb.selected_frame().name() == "depth2", "frame 1 is depth2")
gdb.execute("up")
check(gdb.selected_frame().name() == "depth1", "up: depth1")
gdb.execute("up")
check(gdb.selected_frame().name() == "main", "up: main")
gdb.execute("down")
check(gdb.selected_frame().name() == "depth1", "down: depth1")
gdb.execute("frame 0")
end
# finish through signed return addresses: the values each level returns.
finish
check-eq $ 25 -- finish from depth3: 25
python check(gdb.selected_frame().name() == "depth2", "finish returned into depth2")
finish
check-eq $ 26 -- finish from depth2: 26
finish
check-eq $ 27 -- finish from depth1: 27
python check(gdb.selected_frame().name() == "main", "finish returned into main")
# From the signal handler.
handle SIGUSR1 nostop noprint pass
run-to continue
check-stop breakpoint
python
names = frame_names()
# The trampoline frame is the vDSO's __kernel_rt_sigreturn.
check(names[:4] == ["depth3", "depth2", "depth1", "handler"] and names[5:] == ["main"] and
      names[4] in (None, "__kernel_rt_sigreturn"),
      "bt: depth3 depth2 depth1 handler <signal handler called> main", str(names))
f = gdb.newest_frame().older().older().older().older()
check(f is not None and f.type() == gdb.SIGTRAMP_FRAME, "frame 4 is the signal trampoline")
end
finish
check-eq $ 25 -- finish from depth3 in the handler: 25 (depth1(SIGUSR1 = 10))
finish
finish
python check(gdb.selected_frame().name() == "handler", "finish returned into handler")
delete
run-to continue
check-stop exited
check-output exited normally
check-done
