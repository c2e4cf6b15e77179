# The seed kernel (included by the top Makefile): Debian's Linux 6.1 with
# our patch series kernel/patches/*.patch (the seed's v3 ptrace ABI:
# orig_x0 and orig_x7 appended to NT_PRSTATUS) and kernel/seed.config.
#
#   make kernel           build it once into
#                         $(A64STUB_CACHE)/seed-$(SEED_HASH)/Image (minutes;
#                         a second run does nothing)
#   make kernel-refresh   move to the newest linux-source-6.1 apt offers
#   make vm-up VM_KERNEL=seed   boots it (builds it first if needed; with
#                               VM_CPU=max it has SVE, pointer
#                               authentication and MTE)
#
# SEED_HASH identifies the build: the sha256 of the patches, the config
# fragment and the pinned source version (see kernel/build.sh).

SEED_HASH := $(shell A64STUB_CACHE='$(A64STUB_CACHE)' kernel/build.sh hash 2>/dev/null)
export SEED_HASH

.PHONY: kernel kernel-refresh
kernel:
	@A64STUB_CACHE='$(A64STUB_CACHE)' kernel/build.sh build

kernel-refresh:
	@A64STUB_CACHE='$(A64STUB_CACHE)' kernel/build.sh refresh

# A guest on the seed kernel needs the kernel (a no-op once it is cached).
ifneq ($(filter seed seed-6.1,$(VM_KERNEL)),)
ifneq ($(NATIVE),1)
vm-up: kernel
endif
endif
