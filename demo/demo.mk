# make demo (included by the top Makefile): boot a guest, show a GDB session
# at a syscall stop with the gdbinit view, stop the guest, print how to do it
# by hand.  See demo/run-demo.sh.
#
#   make demo [DEMO_PORT=1260] [VM_KERNEL=stock|stock-6.12|seed] [VM_CPU=cortex-a57|max]

DEMO_PORT   ?= 1260
DEMO_EXTRA  := $(BUILD)/demo/extra
DEMO_PROG   := $(DEMO_EXTRA)/hello
# Static, so the guest needs no libraries; -O0 -g for readable stops.
DEMO_CFLAGS := $(CSTD) $(WARN) -g -O0 -static

.PHONY: demo demo-program
demo: all demo-program $(if $(NATIVE),,$(VM_INITRD))
	@BUILD='$(BUILD)' NATIVE='$(NATIVE)' DEMO_PORT='$(DEMO_PORT)' \
	VM_KERNEL='$(VM_KERNEL)' VM_CPU='$(VM_CPU)' MAKE='$(MAKE)' demo/run-demo.sh

demo-program: $(DEMO_PROG)

$(DEMO_PROG): demo/hello.c | $(DEMO_EXTRA)
	$(TARGET_CC) $(DEMO_CFLAGS) -o $@ $<

$(DEMO_EXTRA):
	mkdir -p $@
