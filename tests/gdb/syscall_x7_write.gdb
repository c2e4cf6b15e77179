# Writes to x7 at syscall stops become the program's x7:
#   0 write    entry:  set $orig_x7 = V0
#   1 getppid  return: set $x7 = W1
#   2 getppid  entry:  set $x7 = V2       (x7 writes are not lost either)
#   3 write    return: set $orig_x7 = W3
#   4 write    untouched: keeps its own x7
# After each write the registers read back as the contract says (x7 is
# still the marker, orig_x7 the new value), the other registers are
# unchanged, and each syscall ran exactly once.
a64-connect
break step
run-to run
check-stop breakpoint
delete
catch syscall write getppid
check-reg orig_x7
check-reg orig_x0

# 0: write, entry stop: orig_x7 := V0
run-to continue
check-stop syscall-entry write
check-eq $orig_x7 0x1111111111111111
set var $pc0 = $pc
set $orig_x7 = 0xa0a0a0a0a0a0a0a0
maint flush register-cache
check-eq $orig_x7 0xa0a0a0a0a0a0a0a0 -- 0 entry: orig_x7 reads back the new value
check-eq $x7 0 -- 0 entry: x7 is still the entry marker
check-eq $pc $pc0 -- 0 entry: pc unchanged by the write
check-eq $x0 pipefd[1] -- 0 entry: x0 unchanged
check-eq $x2 1 -- 0 entry: x2 unchanged
check-eq $syscallno 64 -- 0 entry: syscallno unchanged
check-eq $orig_x0 pipefd[1] -- 0 entry: orig_x0 unchanged
run-to continue
check-stop syscall-return write
check-eq $x0 1 -- 0 return: one byte written
check-eq $orig_x7 0xa0a0a0a0a0a0a0a0 -- 0 return: orig_x7 is the value written at entry
check-eq $x7 1 -- 0 return: x7 is the return marker

# 1: getppid, return stop: x7 := W1
run-to continue
check-stop syscall-entry getppid
check-eq $orig_x7 0x2222222222222222
run-to continue
check-stop syscall-return getppid
set var $ppid = $x0
set $x7 = 0xb1b1b1b1b1b1b1b1
maint flush register-cache
check-eq $orig_x7 0xb1b1b1b1b1b1b1b1 -- 1 return: the x7 write shows in orig_x7
check-eq $x7 1 -- 1 return: x7 is still the return marker
check-eq $x0 $ppid -- 1 return: x0 unchanged

# 2: getppid, entry stop: x7 := V2
run-to continue
check-stop syscall-entry getppid
check-eq $orig_x7 0x3333333333333333
set $x7 = 0xc2c2c2c2c2c2c2c2
maint flush register-cache
check-eq $orig_x7 0xc2c2c2c2c2c2c2c2 -- 2 entry: the x7 write shows in orig_x7
check-eq $x7 0 -- 2 entry: x7 is still the entry marker
check-eq $syscallno 173 -- 2 entry: syscallno unchanged
run-to continue
check-stop syscall-return getppid
check-eq $orig_x7 0xc2c2c2c2c2c2c2c2 -- 2 return: orig_x7 is the value written at entry
check-eq $x0 $ppid -- 2 return: getppid ran

# 3: write, return stop: orig_x7 := W3
run-to continue
check-stop syscall-entry write
check-eq $orig_x7 0x4444444444444444
run-to continue
check-stop syscall-return write
set $orig_x7 = 0xd3d3d3d3d3d3d3d3
maint flush register-cache
check-eq $orig_x7 0xd3d3d3d3d3d3d3d3 -- 3 return: orig_x7 reads back the new value
check-eq $x7 1 -- 3 return: x7 is still the return marker
check-eq $x0 1 -- 3 return: x0 unchanged

# 4: write, untouched
run-to continue
check-stop syscall-entry write
check-eq $orig_x7 0x5555555555555555 -- 4 entry: its own x7
run-to continue
check-stop syscall-return write
check-eq $orig_x7 0x5555555555555555 -- 4 return: its own x7

delete
break done
run-to continue
check-stop breakpoint
check-eq seen[0] 0xa0a0a0a0a0a0a0a0
check-eq seen[1] 0xb1b1b1b1b1b1b1b1
check-eq seen[2] 0xc2c2c2c2c2c2c2c2
check-eq seen[3] 0xd3d3d3d3d3d3d3d3
check-eq seen[4] 0x5555555555555555
check-eq ret[0] 1
check-eq ret[1] $ppid
check-eq ret[2] $ppid
check-eq ret[3] 1
check-eq ret[4] 1
check-eq queued 3 -- three bytes in the pipe: every write ran once
check-done
