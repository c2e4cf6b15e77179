# Hostile input and faults against the live stub in a guest (included by
# the top Makefile):
#
#   make hardening-check [HARD_PORT=1800]   boot a guest on HARD_PORT and
#       HARD_PORT+1, run tests/hardening/malformed.py, interrupt_race.py
#       and faults.py against it, then the security checks (sec_checks.c from boot.d,
#       security.py's GDB sessions); one PASS/FAIL/SKIP line each
#
#   make chaos [CHAOS_PORT=1840] [CHAOS_SECONDS=600] [CHAOS_SEED=N]
#       the randomized fault campaign (tests/hardening/chaos.py) in a guest
#       of its own, SECONDS long (default seed: the time); hardening-check
#       runs a fixed-seed slice of it (CHAOS_CHECK_SECONDS, seed 1)
#
# The guest's /extra is $(BUILD)/hardening/extra: hard_prog, chaos_prog,
# an autostart that keeps a `--once` stub with hard_prog on guest port
# 1235, sec_prog and sec_fwd for security.py, and boot.d/sec_checks.

HARD_PORT  ?= 1800
HARD_EXTRA := $(BUILD)/hardening/extra
HARD_FILES := $(HARD_EXTRA)/hard_prog $(HARD_EXTRA)/chaos_prog \
	      $(HARD_EXTRA)/autostart $(HARD_EXTRA)/autostart.args \
	      $(HARD_EXTRA)/sec_prog $(HARD_EXTRA)/sec_fwd $(HARD_EXTRA)/boot.d/sec_checks
CHAOS_PORT ?= 1840
CHAOS_SECONDS ?= 600
CHAOS_SEED ?=
CHAOS_CHECK_SECONDS ?= 60

.PHONY: hardening-check hardening-programs chaos
hardening-programs: $(HARD_FILES)

hardening-check: all $(HARD_FILES) $(if $(NATIVE),,$(VM_INITRD))
	@BUILD='$(BUILD)' HARD_PORT='$(HARD_PORT)' HARD_EXTRA='$(HARD_EXTRA)' \
	NATIVE='$(NATIVE)' MAKE='$(MAKE)' CHAOS_CHECK_SECONDS='$(CHAOS_CHECK_SECONDS)' \
	tests/hardening/run.sh

chaos: all $(HARD_FILES) $(if $(NATIVE),,$(VM_DIR)/initrd-stock.cpio.gz)
	@BUILD='$(BUILD)' HARD_PORT='$(CHAOS_PORT)' HARD_EXTRA='$(HARD_EXTRA)' \
	NATIVE='$(NATIVE)' MAKE='$(MAKE)' CHAOS_SECONDS='$(CHAOS_SECONDS)' \
	CHAOS_SEED='$(CHAOS_SEED)' tests/hardening/run.sh chaos

$(HARD_EXTRA)/chaos_prog: tests/hardening/chaos_prog.c | $(HARD_EXTRA)
	$(TARGET_CC) $(CSTD) $(WARN) -O1 -static -pthread -o $@ $<

$(HARD_EXTRA)/hard_prog: tests/hardening/hard_prog.c | $(HARD_EXTRA)
	$(TARGET_CC) $(CSTD) $(WARN) -O1 -static -o $@ $<

$(HARD_EXTRA)/autostart: tests/hardening/autostart.c | $(HARD_EXTRA)
	$(TARGET_CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

$(HARD_EXTRA)/sec_prog: tests/hardening/sec_prog.c | $(HARD_EXTRA)
	$(TARGET_CC) $(CSTD) $(WARN) -g -O1 -static -o $@ $<

$(HARD_EXTRA)/sec_fwd: tests/hardening/sec_fwd.c | $(HARD_EXTRA)
	$(TARGET_CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

# Run by the guest's /init before its stubs listen (tests/vm/init.c).
$(HARD_EXTRA)/boot.d/sec_checks: tests/hardening/sec_checks.c | $(HARD_EXTRA)
	mkdir -p $(@D)
	$(TARGET_CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

$(HARD_EXTRA)/autostart.args: | $(HARD_EXTRA)
	printf -- '--once\n:1235\n@EXTRA@/hard_prog\n' > $@

$(HARD_EXTRA):
	mkdir -p $@
