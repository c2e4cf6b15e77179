# The benchmarks (included by the top Makefile): a64stub against Debian's
# gdbserver 13.1 in the same guest, with the same GDB and programs.
#
#   make bench         every workload BENCH_RUNS (5) times on each server,
#                      alternating; a table on stdout, $(BUILD)/bench.json
#                      (BENCH_ONLY=syscall_filter,memread: only those)
#   make bench-quick   the same harness with N=50 and one run each, to keep
#                      it from rotting (make check runs it; it asserts
#                      nothing about time)
#
# Files: workload.c (the program every workload runs), tracer.c (the bare
# PTRACE_SYSCALL tracer and the untraced run, in the guest), autostart.c
# (starts gdbserver in the guest, then runs tracer), NAME.gdb (one script
# per workload), lib.py (their GDB commands), bench.py (the driver).
# gdbserver and its libraries are fetched once into
# $(A64STUB_CACHE)/gdbserver (fetch-gdbserver.sh).

BENCH_PORT   ?= 1700
BENCH_PORT2  ?= 1701
BENCH_RUNS   ?= 5
BENCH_N      ?= 2000
BENCH_MIB    ?= 16
BENCH_SYSCALLS ?= 1000000
BENCH_TRACE_SYSCALLS ?= 100000
BENCH_JSON   ?= $(BUILD)/bench.json
BENCH_ONLY   ?=

BENCH_EXTRA  := $(BUILD)/bench/extra
BENCH_GS     := $(A64STUB_CACHE)/gdbserver
BENCH_GS_STAMP := $(BENCH_GS)/version
BENCH_PROGS  := $(BENCH_EXTRA)/workload $(BENCH_EXTRA)/tracer $(BENCH_EXTRA)/autostart
# -O1 keeps the loops plain; -g for `break main` and bench_* by name.
BENCH_CFLAGS := $(CSTD) $(WARN) -O1 -g -static

.PHONY: bench bench-quick bench-programs
bench-programs: $(BENCH_PROGS) $(BENCH_EXTRA)/gdbserver-root/version

$(BENCH_EXTRA)/%: bench/%.c | $(BENCH_EXTRA)
	$(TARGET_CC) $(BENCH_CFLAGS) -o $@ $<

$(BENCH_EXTRA):
	mkdir -p $@

$(BENCH_GS_STAMP):
	bench/fetch-gdbserver.sh

# The guest gets its own copy: vm-up packs $(BENCH_EXTRA) into the initramfs.
$(BENCH_EXTRA)/gdbserver-root/version: $(BENCH_GS_STAMP) | $(BENCH_EXTRA)
	rm -rf $(BENCH_EXTRA)/gdbserver-root
	cp -a $(BENCH_GS)/root $(BENCH_EXTRA)/gdbserver-root
	cp $(BENCH_GS_STAMP) $@

BENCH_GUEST_DIR = $(if $(NATIVE),$(abspath $(BENCH_EXTRA)),/extra)
BENCH_ENV = MAKE='$(MAKE)' bench/bench.py --build '$(BUILD)' \
	--extra '$(BENCH_EXTRA)' --guest-dir '$(BENCH_GUEST_DIR)' \
	--port $(BENCH_PORT) --port2 $(BENCH_PORT2) \
	--strip '$(patsubst %gcc,%strip,$(TARGET_CC))'

bench: all bench-programs $(if $(NATIVE),,$(VM_INITRD))
	@$(BENCH_ENV) --runs $(BENCH_RUNS) --n $(BENCH_N) --mib $(BENCH_MIB) \
		--syscalls $(BENCH_SYSCALLS) \
		--trace-syscalls $(BENCH_TRACE_SYSCALLS) --json '$(BENCH_JSON)' \
		$(if $(BENCH_ONLY),--only '$(BENCH_ONLY)')

bench-quick: all bench-programs $(if $(NATIVE),,$(VM_INITRD))
	@$(BENCH_ENV) --runs 1 --n 50 --mib 1 --syscalls 10000 \
		--trace-syscalls 1000 --json '$(BUILD)/bench-quick.json'
