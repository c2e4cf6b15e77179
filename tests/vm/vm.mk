# The guest test bed: an arm64 Linux guest under QEMU running
# `a64stub --multi`, forwarded to host 127.0.0.1:$(VM_PORT).
#
#   make vm-up   [VM_PORT=1234] [VM_EXTRA=DIR] [VM_KERNEL=stock|stock-6.12|seed]
#                [VM_CPU=cortex-a57|max] [VM_FWD2=PORT]
#   make vm-down [VM_PORT=1234]
#
# VM_KERNEL: stock (alias stock-6.1) is Debian's 6.1 arm64 kernel,
# stock-6.12 Debian's 6.12 one (both fetched once, tests/vm/fetch-kernel.sh),
# seed (alias seed-6.1) the kernel we build (kernel/, make kernel).
# VM_CPU: cortex-a57 (ARMv8.0, the default) or max (QEMU's newest: SVE,
# pointer authentication, MTE; see tests/vm/vm-up.sh for the QEMU options).
#
# VM_EXTRA=DIR: DIR's files appear under /extra in the guest (modes kept);
# an executable DIR/autostart is run in the background at boot with
# GUEST_EXTRA, STUB_PORT (1234) and STUB_PORT2 (1235) in its environment;
# the executables in DIR/boot.d run one by one before the stub starts, their
# output on the console prefixed "boot.d/NAME: " (see init.c).
# Tests find that folder as $(GUEST_EXTRA): /extra in the guest, DIR itself
# on an aarch64 host (NATIVE=1), where vm-up runs build/a64stub natively.
# VM_FWD2=PORT also forwards host 127.0.0.1:PORT to guest port 1235.
# Several guests may run at once on different VM_PORTs; state and console
# log live in $(BUILD)/vm/$(VM_PORT)/.

VM_PORT    ?= 1234
VM_EXTRA   ?=
VM_KERNEL  ?= stock
VM_CPU     ?= cortex-a57
VM_FWD2    ?=
VM_TIMEOUT ?= 60
VM_SMP     ?= 2
VM_MEM     ?= 512
A64STUB_CACHE ?= $(HOME)/.cache/a64stub
export A64STUB_CACHE
# Identifies the seed kernel build ($(A64STUB_CACHE)/seed-$(SEED_HASH)/Image);
# set by the kernel build rules.
SEED_HASH  ?=
export SEED_HASH

# The kernels and CPUs vm-up knows.  A kernel's aliases share its files:
# vm_kernel_id maps a name to the one its initramfs and cache are named by.
VM_KERNELS_KNOWN := stock stock-6.1 stock-6.12 seed seed-6.1
VM_CPUS_KNOWN    := cortex-a57 max
vm_kernel_id = $(patsubst stock-6.1,stock,$(patsubst seed-6.1,seed,$(1)))
VM_KERNEL_ID := $(call vm_kernel_id,$(VM_KERNEL))

VM_DIR     := $(BUILD)/vm
VM_INIT    := $(VM_DIR)/init
VM_INITRD  := $(VM_DIR)/initrd-$(VM_KERNEL_ID).cpio.gz
VM_CONSOLE  = $(VM_DIR)/$(VM_PORT)/console.log

ifeq ($(NATIVE),1)
GUEST_EXTRA = $(if $(VM_EXTRA),$(abspath $(VM_EXTRA)))
else
GUEST_EXTRA = /extra
endif

VM_ENV = BUILD='$(BUILD)' NATIVE='$(NATIVE)' VM_PORT='$(VM_PORT)' \
	VM_EXTRA='$(VM_EXTRA)' VM_KERNEL='$(VM_KERNEL)' VM_FWD2='$(VM_FWD2)' \
	VM_CPU='$(VM_CPU)' \
	VM_TIMEOUT='$(VM_TIMEOUT)' VM_SMP='$(VM_SMP)' VM_MEM='$(VM_MEM)'

.PHONY: vm-up vm-down vm-initrd vm-kernel-stock vm-kernel-stock-6.12

ifeq ($(NATIVE),1)
vm-up: $(BUILD)/a64stub
	@$(VM_ENV) tests/vm/vm-up.sh
else
vm-up: $(BUILD)/a64stub $(VM_INITRD)
	@$(VM_ENV) tests/vm/vm-up.sh
endif

vm-down:
	@$(VM_ENV) tests/vm/vm-down.sh

vm-initrd: $(VM_INITRD)

$(VM_INIT): tests/vm/init.c | $(VM_DIR)
	$(TARGET_CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

$(VM_DIR):
	mkdir -p $@

# Debian's kernels and their virtio-net modules, cached outside the clone:
# 6.1 in $(A64STUB_CACHE)/stock, 6.12 in $(A64STUB_CACHE)/stock-6.12.
VM_STOCK_STAMP := $(A64STUB_CACHE)/stock/version
VM_STOCK612_STAMP := $(A64STUB_CACHE)/stock-6.12/version
vm-kernel-stock: $(VM_STOCK_STAMP)
vm-kernel-stock-6.12: $(VM_STOCK612_STAMP)
$(VM_STOCK_STAMP):
	tests/vm/fetch-kernel.sh 6.1
$(VM_STOCK612_STAMP):
	tests/vm/fetch-kernel.sh 6.12

# Debian's arm64 C library, for dynamically linked programs (both kernels).
VM_LIBC_STAMP := $(A64STUB_CACHE)/libc/version
$(VM_LIBC_STAMP): tests/vm/fetch-libc.sh
	tests/vm/fetch-libc.sh

# Debian's static busybox: the guest's /bin/sh (GDB's startup-with-shell).
VM_BUSYBOX_STAMP := $(A64STUB_CACHE)/busybox/version
$(VM_BUSYBOX_STAMP): tests/vm/fetch-busybox.sh
	tests/vm/fetch-busybox.sh
VM_INITRD_ENV = LIBC_ROOT=$(A64STUB_CACHE)/libc/root BUSYBOX=$(A64STUB_CACHE)/busybox/busybox

$(VM_DIR)/initrd-stock.cpio.gz: $(VM_INIT) $(BUILD)/a64stub tests/vm/mkinitrd.sh $(VM_STOCK_STAMP) $(VM_LIBC_STAMP) $(VM_BUSYBOX_STAMP)
	$(VM_INITRD_ENV) tests/vm/mkinitrd.sh base $@ $(VM_INIT) $(BUILD)/a64stub $(A64STUB_CACHE)/stock/modules

$(VM_DIR)/initrd-stock-6.12.cpio.gz: $(VM_INIT) $(BUILD)/a64stub tests/vm/mkinitrd.sh $(VM_STOCK612_STAMP) $(VM_LIBC_STAMP) $(VM_BUSYBOX_STAMP)
	$(VM_INITRD_ENV) tests/vm/mkinitrd.sh base $@ $(VM_INIT) $(BUILD)/a64stub $(A64STUB_CACHE)/stock-6.12/modules

# The seed kernel has everything built in: no modules in its initramfs.
$(VM_DIR)/initrd-seed.cpio.gz: $(VM_INIT) $(BUILD)/a64stub tests/vm/mkinitrd.sh $(VM_LIBC_STAMP) $(VM_BUSYBOX_STAMP)
	$(VM_INITRD_ENV) tests/vm/mkinitrd.sh base $@ $(VM_INIT) $(BUILD)/a64stub

ifeq ($(filter $(VM_KERNEL),$(VM_KERNELS_KNOWN)),)
$(error VM_KERNEL=$(VM_KERNEL) is unknown (known: $(VM_KERNELS_KNOWN)))
endif
ifeq ($(filter $(VM_CPU),$(VM_CPUS_KNOWN)),)
$(error VM_CPU=$(VM_CPU) is unknown (known: $(VM_CPUS_KNOWN)))
endif
