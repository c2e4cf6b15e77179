# a64stub: a gdbserver-compatible remote stub for arm64 Linux.
#
#   make            build the stub (static aarch64 binary: build/a64stub)
#   make deps       install what the project needs from Debian's packages
#   make guest      build the stub and the guest (Debian's kernel, initramfs)
#   make demo       boot the guest and show a GDB session at a syscall stop
#   make check      unit tests on the host, then the GDB suite in the guest
#   make vm-up      boot a guest running `a64stub --multi` (see README)
#   make vm-down    stop it
#   make kernel     build the seed-ABI kernel (VM_KERNEL=seed; kernel/kernel.mk)
#   make install    install the stub, gdbinit, the XML and the man page
#                   (PREFIX=/usr/local, DESTDIR=)

BUILD   ?= build
HOSTARCH := $(shell uname -m)

# On arm64 hosts build natively and run the suite without QEMU.
ifeq ($(HOSTARCH),aarch64)
TARGET_CC ?= gcc
NATIVE    := 1
else
TARGET_CC ?= aarch64-linux-gnu-gcc
NATIVE    :=
endif
HOST_CC ?= gcc

WARN     := -Wall -Wextra -Werror
CSTD     := -std=gnu11
TCFLAGS  ?= -O2 -g
STUB_CFLAGS := $(CSTD) $(WARN) $(TCFLAGS) -D_GNU_SOURCE -Istub -I$(BUILD)/gen
STUB_LDFLAGS := -static
# STUB_SAN=1: an ASan+UBSan stub (make asan-check).  The sanitizers cannot
# link fully static; the runtimes are linked in and the guest has libc.
ifeq ($(STUB_SAN),1)
STUB_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
STUB_LDFLAGS := -fsanitize=address,undefined -static-libasan -static-libubsan
endif

STUB_SRCS := $(wildcard stub/*.c)
STUB_OBJS := $(patsubst stub/%.c,$(BUILD)/stub/%.o,$(STUB_SRCS)) $(BUILD)/stub/tdesc_blob.o
XML_FILES := $(wildcard xml/*.xml)
VERSION  := $(shell git describe --always --dirty 2>/dev/null || echo unknown)

.PHONY: all clean deps guest check demo vm-up vm-down unit install
all: $(BUILD)/a64stub

$(BUILD)/a64stub: $(STUB_OBJS)
	$(TARGET_CC) $(STUB_LDFLAGS) -o $@ $^

$(BUILD)/stub/%.o: stub/%.c $(wildcard stub/*.h) | $(BUILD)/stub
	$(TARGET_CC) $(STUB_CFLAGS) -c -o $@ $<

# Only main.o carries the version, so a new commit rebuilds one file.
$(BUILD)/stub/main.o: STUB_CFLAGS += -DA64STUB_VERSION='"$(VERSION)"'

# The target descriptions are compiled in: the stub reads no file at run time.
$(BUILD)/stub/tdesc_blob.o: stub/tdesc_blob.S $(XML_FILES) | $(BUILD)/stub
	$(TARGET_CC) -c -o $@ $<

$(BUILD)/stub:
	mkdir -p $@

clean:
	rm -rf $(BUILD)

# make install [PREFIX=/usr/local] [DESTDIR=]: the stub (an aarch64
# binary: copy it to the board, or install into the board's root with
# DESTDIR), the GDB helpers, the target description for `set tdesc
# filename`, and the man page.
PREFIX  ?= /usr/local
DESTDIR ?=
SHAREDIR := $(DESTDIR)$(PREFIX)/share/a64stub
install: $(BUILD)/a64stub
	install -d $(DESTDIR)$(PREFIX)/bin $(SHAREDIR)/xml $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/a64stub $(DESTDIR)$(PREFIX)/bin/a64stub
	install -m 644 gdbinit $(SHAREDIR)/gdbinit
	install -m 644 $(XML_FILES) $(SHAREDIR)/xml/
	install -m 644 docs/a64stub.1 $(DESTDIR)$(PREFIX)/share/man/man1/a64stub.1

deps:
	./tests/vm/install-deps.sh

# `make demo` and `make check` on a fresh machine: the packages first,
# before any rule needs the cross compiler (installed when root; else the
# one command to run is printed).  DEPS_AUTO=0 skips this.
DEPS_AUTO ?= 1
ifeq ($(DEPS_AUTO)$(filter demo check,$(MAKECMDGOALS)),1$(filter demo check,$(MAKECMDGOALS)))
ifneq ($(filter demo check,$(MAKECMDGOALS)),)
ifneq ($(shell ./tests/vm/install-deps.sh --auto >&2; echo $$?),0)
$(error the packages above are needed first)
endif
endif
endif

# Everything `make vm-up` needs: the stub, the kernel (fetched once), the
# guest's initramfs.  On arm64 hosts, just the stub.
guest: all $(if $(NATIVE),,$(BUILD)/vm/initrd-stock.cpio.gz)

-include tests/unit/unit.mk
-include tests/vm/vm.mk
-include tests/gdb/gdb.mk
-include tests/clients/clients.mk
-include demo/demo.mk
-include kernel/kernel.mk
-include tests/kernel/kernel.mk
-include fuzz/fuzz.mk
-include tests/hardening/hardening.mk
-include bench/bench.mk
-include tests/asan/asan.mk
