# The GDB session of `make demo` (run by demo/run-demo.sh from the top of
# the tree).  Every command is echoed as "(gdb) COMMAND" before it runs, so
# the output reads like an interactive session.  Environment (set by the
# driver): DEMO_PORT, DEMO_SYSROOT, DEMO_PROG (host copy, for symbols),
# DEMO_GUEST_PROG (the same program as the stub sees it).

python
import os
import time

import gdb

_demo_t0 = time.monotonic()


class _DemoStep(gdb.Command):
    """demo-step TITLE: print a heading with the time since the session began."""

    def __init__(self):
        super().__init__("demo-step", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        gdb.write("\n--- %s   [+%.1f s]\n" % (arg, time.monotonic() - _demo_t0))
        gdb.flush()


class _DemoDo(gdb.Command):
    """demo-do COMMAND: echo "(gdb) COMMAND" ($VAR expanded from the environment), then run it."""

    def __init__(self):
        super().__init__("demo-do", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        cmd = os.path.expandvars(arg)
        gdb.write("(gdb) %s\n" % cmd)
        gdb.flush()
        gdb.execute(cmd)
        gdb.flush()


_DemoStep()
_DemoDo()
end

demo-step connect to a64stub in the guest
demo-do set startup-with-shell off
demo-do set sysroot $DEMO_SYSROOT
demo-do source gdbinit
demo-do file $DEMO_PROG
demo-do target extended-remote 127.0.0.1:$DEMO_PORT
demo-do set remote exec-file $DEMO_GUEST_PROG

demo-step run the program to main
demo-do break main
demo-do run

demo-step write(1, "hello from the guest\n", 21) with x7 = 0x7777777777777777: the entry stop
demo-do catch syscall write
demo-do continue
demo-do info registers x0 x7 orig_x0 orig_x7 syscallno
demo-do syscall-view

demo-step the return stop: x0 is now the result, orig_x0 still the fd, x7 the marker 1
demo-do continue
demo-do info registers x0 x7 orig_x0 orig_x7 syscallno
demo-do syscall-view

demo-step write(77, ...) to a closed fd, with the view printed at every syscall stop
demo-do syscall-view-on-stop on
demo-do continue
demo-do continue

demo-step let the program finish (it exits 0 only if x7 survived both syscalls)
demo-do syscall-view-on-stop off
demo-do delete
demo-do continue
