# `catch exec` in a program with two threads: GDB stops with the new
# program's name, loads its symbols (from the target: sysroot target:),
# its main can be broken on and sees the exact arguments, and it exits
# with 31; one thread is left after the exec.
set sysroot target:
a64-connect
catch exec
run-to run
python
import re
guest = os.environ.get("A64_GUEST_DIR", "/extra")
m = re.search(r"process (\d+) is executing new program: (\S+)", _last_stop)
check(m is not None and m.group(2).endswith(guest + "/exec_catch_b"), "GDB says the new program", _last_stop[-400:])
check(("Catchpoint 1 (exec'd %s/exec_catch_b)" % guest) in _last_stop, "stop is the exec catchpoint with the new name", _last_stop[-400:])
check(gdb.current_progspace().filename.endswith("/exec_catch_b"), "the program is now exec_catch_b", str(gdb.current_progspace().filename))
check(len(gdb.selected_inferior().threads()) == 1, "one thread after exec", str(len(gdb.selected_inferior().threads())))
end
break main
run-to continue
check-stop breakpoint
python check(gdb.lookup_global_symbol("main").symtab.filename.endswith("exec_catch_b.c"), "main of exec_catch_b", gdb.lookup_global_symbol("main").symtab.filename)
check-eq argc 3
python check_str("argv[1]", "from")
python check_str("argv[2]", "exec_catch")
delete
run-to continue
check-stop exited
check-eq $_exitcode 31
check-done
