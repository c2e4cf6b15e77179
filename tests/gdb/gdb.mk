# The GDB suite (included by the top Makefile): every tests/gdb/NAME.c is
# an arm64 program, run under the stub in the guest by tests/gdb/NAME.gdb.
#
#   make gdb-programs   build them into $(BUILD)/extra (the guest's /extra)
#   make check          everything: unit tests, then the GDB suite in a guest
#                       per lane, then hardening, bench-quick, asan-check
#
# A test that needs a CPU feature has a line "# needs-cpu: max" (a list of
# VM_CPUs) in its NAME.gdb: it runs only on those lanes and is counted as
# skipped, "SKIP gdb/NAME [lane] (needs VM_CPU=max)", on the others
# (tests/gdb/run-test.sh).

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
# Lanes: the whole GDB suite and the client tests run once per KERNEL/CPU
# pair, each in a guest of its own (VM_KERNEL, VM_CPU); every result line
# names its lane, e.g. [stock-6.12/max], and its logs are in
# $(BUILD)/test-logs/stock-6.12-max/.  The default is every pair below;
#   CHECK_LANES="stock-6.1/max seed/max"   just these (aliases allowed)
#   CHECK_KERNELS="stock seed"             the default lanes of these kernels
#   CHECK_CPUS=max                         the default lanes of these CPUs
#   CHECK_JOBS=2                           guests at a time (ports: slot N
#                                          uses CHECK_PORT+2N and +2N+1)
#   GDB_TESTS="tdesc registers" CLIENT_TESTS=   fewer tests
#   CHECK_PARTS="host lanes"               only these parts (default: host
#                                          lanes hardening bench asan)
# Natively (an arm64 host) there is one lane, the host: native/native.
CHECK_LANES_ALL := stock-6.1/cortex-a57 stock-6.1/max stock-6.12/max seed-6.1/max \
	seed-6.1/cortex-a57 stock-6.12/cortex-a57
CHECK_KERNELS ?= stock-6.1 stock-6.12 seed-6.1
CHECK_CPUS    ?= $(VM_CPUS_KNOWN)
# Two guests at a time: the tests mostly wait on round trips, so two
# lanes at once take about 2/3 of the time of one after the other.
CHECK_JOBS    ?= 2
CHECK_PARTS   ?= host lanes hardening bench asan
lane_kernel = $(firstword $(subst /, ,$(1)))
lane_cpu    = $(word 2,$(subst /, ,$(1)))
# The kernels' names in lane labels: the aliases stock and seed are 6.1.
lane_label  = $(patsubst stock,stock-6.1,$(patsubst seed,seed-6.1,$(1)))
ifeq ($(NATIVE),1)
CHECK_LANES ?= native/native
else
CHECK_LANES ?= $(foreach l,$(CHECK_LANES_ALL),$(if $(and \
	$(filter $(call lane_kernel,$(l)),$(call lane_label,$(CHECK_KERNELS))), \
	$(filter $(call lane_cpu,$(l)),$(CHECK_CPUS))),$(l)))
endif
CHECK_LANES_N := $(foreach l,$(CHECK_LANES),$(call lane_label,$(call lane_kernel,$(l)))/$(call lane_cpu,$(l)))
# The kernels the lanes boot, by the name of their initramfs.
CHECK_LANE_KERNELS := $(sort $(foreach l,$(CHECK_LANES_N),$(call vm_kernel_id,$(call lane_kernel,$(l)))))
ifneq ($(filter check,$(MAKECMDGOALS)),)
ifneq ($(NATIVE),1)
$(foreach l,$(CHECK_LANES),$(if $(and $(filter $(call lane_kernel,$(l)),$(VM_KERNELS_KNOWN)), \
	$(filter $(call lane_cpu,$(l)),$(VM_CPUS_KNOWN)),$(filter 2,$(words $(subst /, ,$(l))))),, \
	$(error CHECK_LANES: '$(l)' is not KERNEL/CPU (kernels: $(VM_KERNELS_KNOWN); CPUs: $(VM_CPUS_KNOWN)))))
endif
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

check: all $(UNIT_TESTS) gdb-programs \
	$(if $(NATIVE),,$(VM_DIR)/initrd-stock.cpio.gz $(CHECK_LANE_KERNELS:%=$(VM_DIR)/initrd-%.cpio.gz) \
	$(if $(filter seed,$(CHECK_LANE_KERNELS)),kernel))
	@BUILD='$(BUILD)' NATIVE='$(NATIVE)' CHECK_PORT='$(CHECK_PORT)' \
	CHECK_LANES='$(CHECK_LANES_N)' CHECK_JOBS='$(CHECK_JOBS)' CHECK_PARTS='$(CHECK_PARTS)' \
	UNIT_TESTS='$(UNIT_TESTS)' \
	GDB_TESTS='$(GDB_TESTS)' CLIENT_TESTS='$(CLIENT_TESTS)' MAKE='$(MAKE)' tests/check.sh
