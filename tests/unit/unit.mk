# Host unit tests (included by the top Makefile).
#
#   make unit          build and run every tests/unit/test_*.c
#   $(UNIT_TESTS)      the test binaries, each standalone and printing TAP
#
# The protocol modules are pure C, so they are built again for the host
# (HOST_CC) with the sanitizers, if HOST_CC has them.

UNIT_DIR     := $(BUILD)/unit
UNIT_MODULES := packet hex regs arm64 tdesc signals envlist
UNIT_OBJS    := $(patsubst %,$(UNIT_DIR)/stub/%.o,$(UNIT_MODULES)) \
		$(UNIT_DIR)/stub/tdesc_blob.o $(UNIT_DIR)/tap.o
UNIT_TESTS   := $(patsubst tests/unit/%.c,$(UNIT_DIR)/%,$(wildcard tests/unit/test_*.c))
UNIT_HDRS    := $(wildcard stub/*.h tests/unit/*.h)

# Probed once, and only when a unit target needs it.
UNIT_SAN_PROBE := printf 'int main(void){return 0;}' | \
	$(HOST_CC) -fsanitize=address,undefined -x c -o /dev/null - >/dev/null 2>&1 && \
	echo -fsanitize=address,undefined -fno-sanitize-recover=undefined
UNIT_SAN = $(eval UNIT_SAN := $$(shell $$(UNIT_SAN_PROBE)))$(UNIT_SAN)
UNIT_CFLAGS = $(CSTD) $(WARN) -g -O1 -D_GNU_SOURCE $(UNIT_SAN) -Istub -Itests/unit

.PHONY: unit
# Keep the objects: they are intermediate to the pattern rule for tests.
.SECONDARY: $(UNIT_OBJS)

unit: $(UNIT_TESTS)
	@pass=0; fail=0; \
	for t in $(UNIT_TESTS); do \
		echo "# $$t"; \
		if $$t; then pass=$$((pass + 1)); else fail=$$((fail + 1)); fi; \
	done; \
	echo "unit: $$pass passed, $$fail failed"; \
	test $$fail -eq 0

$(UNIT_DIR)/%: tests/unit/%.c $(UNIT_OBJS) $(UNIT_HDRS) | $(UNIT_DIR)/stub
	$(HOST_CC) $(UNIT_CFLAGS) -o $@ $< $(UNIT_OBJS)

$(UNIT_DIR)/tap.o: tests/unit/tap.c $(UNIT_HDRS) | $(UNIT_DIR)/stub
	$(HOST_CC) $(UNIT_CFLAGS) -c -o $@ $<

$(UNIT_DIR)/stub/%.o: stub/%.c $(UNIT_HDRS) | $(UNIT_DIR)/stub
	$(HOST_CC) $(UNIT_CFLAGS) -c -o $@ $<

$(UNIT_DIR)/stub/tdesc_blob.o: stub/tdesc_blob.S $(XML_FILES) | $(UNIT_DIR)/stub
	$(HOST_CC) -c -o $@ $<

$(UNIT_DIR)/stub:
	mkdir -p $@
