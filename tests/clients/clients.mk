# The client tests (included by the top Makefile after tests/gdb/gdb.mk):
# GDB/MI as an IDE drives it, LLDB, two real debug adapters (Eclipse CDT's
# cdt-gdb-adapter and lldb-vscode) driven by VS Code's DAP test client, and
# the replay of the MI commands cppdbg sends for docs/vscode-launch.json;
# run by tests/check.sh against the GDB suite's guest (README, "Tests").
#
# Their program, clients_prog, goes with the GDB suite's programs into
# $(EXTRA_DIR), the guest's /extra; tests/gdb/autostart.c serves it on the
# guest's second stub port once remote_cmdline is done.
#
#   make dap-deps   the npm packages of the DAP tests (dap-*.js), pinned by
#                   tests/clients/dap/package-lock.json, into $(BUILD)/dap

CLIENT_TESTS := $(patsubst tests/clients/%.py,%,$(filter-out tests/clients/lib.py,$(wildcard tests/clients/*.py))) \
		$(patsubst tests/clients/%.js,%,$(filter-out tests/clients/daplib.js,$(wildcard tests/clients/*.js)))

gdb-programs: $(EXTRA_DIR)/clients_prog

$(EXTRA_DIR)/clients_prog: tests/clients/clients_prog.c | $(EXTRA_DIR)
	$(TARGET_CC) $(PROG_CFLAGS) -o $@ $<

# npm ci: exactly the lock file's versions, checked against its integrity
# hashes.  No install scripts: cdt-gdb-adapter's builds a native module for
# its terminal and serial-port features (node-gyp, a compiler and Node's
# headers), which these tests do not use.
DAP_DIR   := $(BUILD)/dap
DAP_FILES := tests/clients/dap/package.json tests/clients/dap/package-lock.json tests/clients/dap/.npmrc
.PHONY: dap-deps
dap-deps: $(DAP_DIR)/node_modules/.package-lock.json
check: dap-deps

$(DAP_DIR)/node_modules/.package-lock.json: $(DAP_FILES)
	mkdir -p $(DAP_DIR)
	cp $(DAP_FILES) $(DAP_DIR)/
	cd $(DAP_DIR) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@
