# The GDB suite against an ASan+UBSan build of the stub (included by the
# top Makefile): everything is built again under $(BUILD)/asan with
# STUB_SAN=1, a guest of its own boots it, every GDB test runs, and the
# guest console must hold no sanitizer report.
#
#   make asan-check [ASAN_PORT=1270] [ASAN_TESTS="breakpoints ..."]

ASAN_PORT  ?= 1270
ASAN_TESTS ?= $(GDB_TESTS)

.PHONY: asan-check
asan-check:
	@BUILD='$(BUILD)' NATIVE='$(NATIVE)' ASAN_PORT='$(ASAN_PORT)' \
	ASAN_TESTS='$(ASAN_TESTS)' VM_CPU='$(VM_CPU)' MAKE='$(MAKE)' tests/asan/run.sh
