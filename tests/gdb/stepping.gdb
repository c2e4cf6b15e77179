# Stepping: stepi advances the pc by 4, or to a branch's target, with the
# right result of each instruction, and over an svc with the syscall's
# result; next, step into a function, finish with its return value, and
# backtraces with the exact frames.
a64-connect
break *stepsvc
break *stepseq
run-to run
check-stop breakpoint
check-eq $pc (long)stepsvc
run-to stepi
check-eq $pc (long)stepsvc+4
check-eq $x8 172
run-to stepi
check-eq $pc (long)stepsvc+8 -- stepi over svc stops after it
check-eq $x0 my_pid -- with getpid's result
run-to stepi
check-eq $pc (long)stepsvc+12
check-eq $x0 my_pid+1
run-to continue
check-stop breakpoint
check-eq $pc (long)stepseq
set $ret = $x30
python check(frame_names() == ["stepseq", "main"], "bt is stepseq, main", str(frame_names()))
run-to stepi
check-eq $pc (long)stepseq+4
check-eq $x0 5
run-to stepi
check-eq $pc (long)stepseq+8
check-eq $x0 15
run-to stepi
check-eq $pc (long)stepseq+12
check-eq $x0 60
run-to stepi
check-eq $pc (long)stepseq+24 -- the branch skipped two instructions
check-eq $x0 60
run-to stepi
check-eq $pc (long)stepseq+28
check-eq $x0 57
run-to stepi
check-eq $pc $ret -- ret went back to the caller
python check_line("L:main_stepseq")
python check(frame_names() == ["main"], "back in main", str(frame_names()))
run-to next
python check_line("L:main_total")
check-eq s 57
run-to next
python check_line("L:main_middle")
check-eq total 57
run-to step
python check_line("L:middle_call")
python check(frame_names() == ["middle", "main"], "step went into middle", str(frame_names()))
check-eq x 1
run-to step
python check_line("L:add3_body")
python check(frame_names() == ["add3", "middle", "main"], "bt is add3, middle, main", str(frame_names()))
check-output add3 (a=1)
python
bt = gdb.execute("bt", to_string=True)
check("#1  0x" in bt and " in middle (x=1) at " in bt, "bt shows middle (x=1)", bt)
check(" in main () at " in bt, "bt shows main ()", bt)
end
run-to finish
check-output Value returned is $1 = 4
check-eq $ 4 -- finish shows add3's return value
python check(frame_names() == ["middle", "main"], "finish returned to middle", str(frame_names()))
run-to finish
check-eq $ 8
python check(frame_names() == ["main"], "finish returned to main", str(frame_names()))
run-to next
python check_line("L:main_middle2")
check-eq total 65
run-to next
python check_line("L:main_return")
check-eq total 65+26 -- next ran all of middle(10)
run-to continue
check-stop exited
check-eq $_exitcode 91
check-done
