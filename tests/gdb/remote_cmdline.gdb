# target remote to a stub started with a program and arguments: the
# program waits at its first instruction, gets its arguments exactly (one
# with a space, no shell), and runs to its exit code.
a64-connect remote
python check(gdb.selected_inferior().pid > 0, "a process is there at connect")
check-eq $pc (long)_start -- stopped at the first instruction
break main
run-to continue
check-stop breakpoint
check-eq argc 3
python
import os
check_str("argv[0]", os.environ.get("A64_GUEST_DIR", "/extra") + "/remote_cmdline")
check_str("argv[1]", "first arg")
check_str("argv[2]", "2")
end
check-eq argv[3] 0
delete
run-to continue
check-stop exited
check-eq $_exitcode 39 -- 3 * 10 + strlen("first arg")
check-done
