# One extended-remote session runs two programs: the first to its exit,
# then (file + set remote exec-file) the second, with arguments that vRun
# carries exactly (a space, a ';', quotes, an empty one), then the
# first again.
a64-connect
run-to run
check-stop exited
check-eq $_exitcode 11
python
import os
build = os.environ.get("A64_BUILD", "build")
guest = os.environ.get("A64_GUEST_DIR", "/extra")
gdb.execute("file %s/extra/two_programs_b" % build)
gdb.execute("set remote exec-file %s/two_programs_b" % guest)
end
break main
run-to run a 'b c' 'd;e' "it's" ''
check-stop breakpoint
python check(gdb.selected_frame().name() == "main" and gdb.lookup_global_symbol("main").symtab.filename.endswith("two_programs_b.c"), "the second program runs")
check-eq argc 6
python
check_str("argv[0]", guest + "/two_programs_b")
check_str("argv[1]", "a")
check_str("argv[2]", "b c")
check_str("argv[3]", "d;e")
check_str("argv[4]", "it's")
check_str("argv[5]", "")
end
check-eq argv[6] 0
delete
run-to continue
check-stop exited
check-eq $_exitcode 26
python
gdb.execute("file %s/extra/two_programs" % build)
gdb.execute("set remote exec-file %s/two_programs" % guest)
end
run-to run
check-stop exited
check-eq $_exitcode 11 -- the first program again
check-done
