# The GDB suite (included by the top Makefile): every tests/gdb/NAME.c is
# an arm64 program, run under the stub in the guest by tests/gdb/NAME.gdb.
#
#   make gdb-programs   build them into $(BUILD)/extra (the guest's /extra)
#   make check          everything: unit tests, then the GDB suite in a guest

EXTRA_DIR     := $(BUILD)/extra
GDB_TESTS     := $(patsubst tests/gdb/%.gdb,%,$(wildcard tests/gdb/*.gdb))
GDB_PROGRAMS  := $(patsubst tests/gdb/%.c,$(EXTRA_DIR)/%,$(filter-out tests/gdb/autostart.c,$(wildcard tests/gdb/*.c)))
# The test programs are built unoptimised so that tests can rely on
# variables and lines; static, so the guest needs no libraries.
PROG_CFLAGS   := $(CSTD) -Wall -Wextra -Werror -g -O0 -static -pthread
# dyn_*.c are the exception: dynamically linked PIE programs, run against
# Debian's arm64 C library in the guest's /lib (tests/vm/fetch-libc.sh).
DYN_CFLAGS    := $(CSTD) -Wall -Wextra -Werror -g -O0 -fPIE -pie -pthread

CHECK_PORT    ?= 1250
# The whole suite runs on Debian's kernel and on the seed kernel we build
# (kernel/); natively, on the machine's own kernel.
ifeq ($(NATIVE),1)
CHECK_KERNELS ?= stock
else
CHECK_KERNELS ?= stock seed
endif

.PHONY: gdb-programs check
gdb-programs: $(GDB_PROGRAMS) $(EXTRA_DIR)/autostart

$(EXTRA_DIR)/%: tests/gdb/%.c $(wildcard tests/gdb/*.h) | $(EXTRA_DIR)
	$(TARGET_CC) $(PROG_CFLAGS) -o $@ $<

# Programs of the modern CPU features (run on the VM_CPU=max lane): the
# instructions they use need the architecture extension named.
$(EXTRA_DIR)/sve_%: PROG_CFLAGS += -march=armv8.2-a+sve
$(EXTRA_DIR)/mte_%: PROG_CFLAGS += -march=armv8.5-a+memtag
$(EXTRA_DIR)/pauth_%: PROG_CFLAGS += -mbranch-protection=pac-ret

# The shorter stem wins: this rule, not the one above, builds dyn_*.
$(EXTRA_DIR)/dyn_%: tests/gdb/dyn_%.c | $(EXTRA_DIR)
	$(TARGET_CC) $(DYN_CFLAGS) -o $@ $<

# Starts a second, plain (non --multi) stub on guest port 1235 with a
# program on its command line, for the `target remote` test.
$(EXTRA_DIR)/autostart: tests/gdb/autostart.c | $(EXTRA_DIR)
	$(TARGET_CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

$(EXTRA_DIR):
	mkdir -p $@

check: all $(UNIT_TESTS) gdb-programs $(if $(NATIVE),,$(VM_DIR)/initrd-stock.cpio.gz) \
	$(if $(filter seed,$(CHECK_KERNELS)),kernel $(VM_DIR)/initrd-seed.cpio.gz)
	@BUILD='$(BUILD)' NATIVE='$(NATIVE)' CHECK_PORT='$(CHECK_PORT)' \
	CHECK_KERNELS='$(CHECK_KERNELS)' UNIT_TESTS='$(UNIT_TESTS)' \
	GDB_TESTS='$(GDB_TESTS)' CLIENT_TESTS='$(CLIENT_TESTS)' MAKE='$(MAKE)' tests/check.sh
