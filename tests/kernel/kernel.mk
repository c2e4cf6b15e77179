# The seed-ABI selftests (included by the top Makefile): every
# tests/kernel/NAME.c is a static arm64 TAP program, installed as
# $(BUILD)/extra/boot.d/kernel-NAME. init runs /extra/boot.d/* at boot,
# before the stub listens, with their output on the console;
# tests/kernel/results.sh turns that into PASS/FAIL/SKIP lines. On a kernel
# without the seed ABI (NT_PRSTATUS of 272 bytes) they skip.
#
#   make kernel-selftest-programs   build them
#   make kernel-selftests [KSELFTEST_KERNELS="stock seed"] [KSELFTEST_PORT=1250]
#                                   boot each kernel, print the results
# make check runs them too, on each of CHECK_KERNELS (tests/check.sh).

KSELFTEST_DIR      := $(BUILD)/extra/boot.d
KSELFTEST_PROGRAMS := $(patsubst tests/kernel/%.c,$(KSELFTEST_DIR)/kernel-%,$(wildcard tests/kernel/*.c))
KSELFTEST_KERNELS  ?= stock seed
# tests/check.sh reports one line per selftest and kernel for these.
KSELFTESTS         := $(patsubst tests/kernel/%.c,%,$(wildcard tests/kernel/*.c))
export KSELFTESTS
KSELFTEST_PORT     ?= $(CHECK_PORT)

.PHONY: kernel-selftest-programs kernel-selftests
kernel-selftest-programs: $(KSELFTEST_PROGRAMS)

$(KSELFTEST_DIR)/kernel-%: tests/kernel/%.c tests/kernel/ktest.h | $(KSELFTEST_DIR)
	$(TARGET_CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

$(KSELFTEST_DIR):
	mkdir -p $@

kernel-selftests: all kernel-selftest-programs
	@BUILD='$(BUILD)' NATIVE='$(NATIVE)' KSELFTEST_PORT='$(KSELFTEST_PORT)' \
	KSELFTEST_KERNELS='$(KSELFTEST_KERNELS)' MAKE='$(MAKE)' tests/kernel/run.sh

check: kernel-selftest-programs
