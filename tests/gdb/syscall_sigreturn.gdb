# orig_x7 and the labels across a signal handler (catching tgkill,
# getppid, rt_sigreturn and write):
#   tgkill entry/return    orig_x7 = K (the program's x7)
#   (round 0: GDB stops for SIGALRM: x7 and orig_x7 are K)
#   getppid entry/return   in the handler: orig_x7 = H
#   rt_sigreturn entry     orig_x7 = H (the handler's x7), x8 = 139
#   rt_sigreturn return    labelled return of rt_sigreturn; orig_x7 = K
#                          (the interrupted code's x7), x0 = tgkill's 0,
#                          back in round_()
#   write entry/return     orig_x7 = W (the program's next syscall)
# Round 1 passes SIGALRM silently (GDB's default for it) and sets
# orig_x7 := Z at rt_sigreturn's return stop: the program then sees Z
# after its tgkill svc.
a64-connect
break round_
run-to run
check-stop breakpoint
delete
catch syscall tgkill getppid rt_sigreturn write
handle SIGALRM stop print pass
check-reg orig_x7
check-reg orig_x0
check-reg syscallno

# ---- round 0 ----
run-to continue
check-stop syscall-entry tgkill
check-eq $orig_x7 0x1b1b1b1b1b1b1b1b -- 0 tgkill entry: orig_x7 = K
run-to continue
check-stop syscall-return tgkill
check-eq $orig_x7 0x1b1b1b1b1b1b1b1b -- 0 tgkill return: orig_x7 = K
check-eq $x0 0 -- 0 tgkill return: x0 = 0
run-to continue
check-stop signal SIGALRM
check-eq $x7 0x1b1b1b1b1b1b1b1b -- 0 signal stop: x7 is the real one
check-eq $orig_x7 0x1b1b1b1b1b1b1b1b -- 0 signal stop: orig_x7 keeps its last value
run-to continue
check-stop syscall-entry getppid
python check(gdb.selected_frame().name() == 'on_alarm', '0 getppid entry: in the handler', str(gdb.selected_frame().name()))
check-eq $orig_x7 0x4848484848484848 -- 0 getppid entry: orig_x7 = H
run-to continue
check-stop syscall-return getppid
check-eq $orig_x7 0x4848484848484848 -- 0 getppid return: orig_x7 = H
run-to continue
check-stop syscall-entry rt_sigreturn
check-eq $orig_x7 0x4848484848484848 -- 0 rt_sigreturn entry: orig_x7 = the handler's x7
check-eq $x7 0 -- 0 rt_sigreturn entry: x7 = 0
check-eq $x8 139 -- 0 rt_sigreturn entry: x8 = 139
check-eq $syscallno 139 -- 0 rt_sigreturn entry: syscallno = 139
run-to continue
check-stop syscall-return rt_sigreturn
check-eq $orig_x7 0x1b1b1b1b1b1b1b1b -- 0 rt_sigreturn return: orig_x7 = the interrupted x7
check-eq $x7 1 -- 0 rt_sigreturn return: x7 = 1
check-eq $x0 0 -- 0 rt_sigreturn return: x0 = tgkill's result again
python check(frame_names()[:2] == ['svc3', 'round_'], '0 rt_sigreturn return: back in svc3() from round_()', str(frame_names()))
run-to continue
check-stop syscall-entry write
check-eq $orig_x7 0x1c1c1c1c1c1c1c1c -- 0 write entry: orig_x7 = W
check-eq $orig_x0 pipefd[1] -- 0 write entry: orig_x0 = the pipe
run-to continue
check-stop syscall-return write
check-eq $orig_x7 0x1c1c1c1c1c1c1c1c -- 0 write return: orig_x7 = W
check-eq $x0 1 -- 0 write return: x0 = 1

# ---- round 1 ----
handle SIGALRM nostop noprint pass
run-to continue
check-stop syscall-entry tgkill
check-eq $orig_x7 0x2b2b2b2b2b2b2b2b -- 1 tgkill entry: orig_x7 = K
run-to continue
check-stop syscall-return tgkill
run-to continue
check-stop syscall-entry getppid
check-eq $orig_x7 0x4848484848484848 -- 1 getppid entry: orig_x7 = H
run-to continue
check-stop syscall-return getppid
run-to continue
check-stop syscall-entry rt_sigreturn
check-eq $orig_x7 0x4848484848484848 -- 1 rt_sigreturn entry: orig_x7 = the handler's x7
run-to continue
check-stop syscall-return rt_sigreturn
check-eq $orig_x7 0x2b2b2b2b2b2b2b2b -- 1 rt_sigreturn return: orig_x7 = the interrupted x7
set $orig_x7 = 0x2d2d2d2d2d2d2d2d
maint flush register-cache
check-eq $orig_x7 0x2d2d2d2d2d2d2d2d -- 1 rt_sigreturn return: orig_x7 reads back
run-to continue
check-stop syscall-entry write
check-eq $orig_x7 0x2c2c2c2c2c2c2c2c -- 1 write entry: orig_x7 = W
run-to continue
check-stop syscall-return write

delete
break done
run-to continue
check-stop breakpoint
check-eq handled 2
check-eq after_kill[0] 0x1b1b1b1b1b1b1b1b
check-eq after_write[0] 0x1c1c1c1c1c1c1c1c
check-eq after_kill[1] 0x2d2d2d2d2d2d2d2d -- x7 written at rt_sigreturn's return stop
check-eq after_write[1] 0x2c2c2c2c2c2c2c2c
check-done
