# The client tests (included by the top Makefile after tests/gdb/gdb.mk):
# GDB/MI as an IDE drives it, LLDB, the VS Code launch.json, run by
# tests/check.sh against the GDB suite's guest (README, "Tests").
#
# Their program, clients_prog, goes with the GDB suite's programs into
# $(EXTRA_DIR), the guest's /extra; tests/gdb/autostart.c serves it on the
# guest's second stub port once remote_cmdline is done.

CLIENT_TESTS := $(patsubst tests/clients/%.py,%,$(filter-out tests/clients/lib.py,$(wildcard tests/clients/*.py)))

gdb-programs: $(EXTRA_DIR)/clients_prog

$(EXTRA_DIR)/clients_prog: tests/clients/clients_prog.c | $(EXTRA_DIR)
	$(TARGET_CC) $(PROG_CFLAGS) -o $@ $<
