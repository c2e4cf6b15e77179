#!/bin/bash
# Install what a64stub needs from Debian's packages: the aarch64 cross
# compiler, QEMU, gdb-multiarch, cpio, lldb, Node.js and npm, plus the
# arm64 architecture in dpkg (tests/vm/fetch-kernel.sh downloads the arm64
# kernel package).
# Idempotent: returns at once when everything is there.
#   install-deps.sh          install (as root, or through sudo)
#   install-deps.sh --auto   what `make demo` and `make check` run first:
#                            install when root; else, if something is
#                            missing, say the one command to run and fail
set -euo pipefail

auto=
[ "${1:-}" = --auto ] && auto=1

PKGS=(gdb-multiarch cpio)
# make kernel (kernel/build.sh): the seed kernel's build tools (the source
# package itself is fetched with apt-get download).
PKGS+=(make gcc libc6-dev bison flex bc xz-utils patch)
# make fuzz / fuzz-check: clang's libFuzzer with ASan+UBSan.
PKGS+=(clang-14 libclang-rt-14-dev)
# The client tests (tests/clients) and the install test: LLDB (Debian's
# lldb is LLDB 14; it pulls in llvm-14-dev), man and col.
PKGS+=(lldb man-db bsdextrautils)
# make bench: its driver (bench/bench.py).
PKGS+=(python3)
# The debug adapter tests (tests/clients/dap-*.js): Node.js and npm, which
# installs the adapters and VS Code's DAP test client (make dap-deps);
# lldb-vscode comes with lldb above (/usr/bin/lldb-vscode-14).  A Node.js
# installed otherwise (with its own npm) will do: only missing commands
# are installed.
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)
if [ "$(uname -m)" = aarch64 ]; then
	# Native: the stub and the guest programs are built with gcc and run
	# directly, no QEMU needed.
	PKGS+=(gcc libc6-dev)
else
	PKGS+=(qemu-system-arm gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
fi

SUDO=
if [ "$(id -u)" -ne 0 ] && [ -z "$auto" ]; then
	if command -v sudo >/dev/null; then
		SUDO=sudo
	else
		echo "install-deps: not root and no sudo: run as root" >&2
		exit 1
	fi
fi

have_arch() {
	[ "$(dpkg --print-architecture)" = arm64 ] ||
		dpkg --print-foreign-architectures | grep -qx arm64
}

missing=()
for p in "${PKGS[@]}"; do
	# Not a pipe into grep -q: with pipefail, dpkg's SIGPIPE when grep
	# stops reading early (libc6-dev has a stanza per architecture)
	# would count the package as missing.
	status=$(dpkg -s "$p" 2>/dev/null || true)
	if ! grep -q '^Status: install ok installed' <<<"$status"; then
		missing+=("$p")
	fi
done

# apt's lists are needed by fetch-kernel.sh (apt-cache depends).
have_lists() {
	apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1
}

if [ ${#missing[@]} -eq 0 ] && have_arch && have_lists; then
	echo "install-deps: all present"
	exit 0
fi

if [ -n "$auto" ] && [ "$(id -u)" -ne 0 ]; then
	echo "a64stub needs Debian packages first${missing[*]:+ (missing: ${missing[*]})}; run once:" >&2
	echo "    sudo make deps" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! have_arch; then
	$SUDO dpkg --add-architecture arm64
fi
$SUDO apt-get update
if [ ${#missing[@]} -gt 0 ]; then
	$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
echo "install-deps: done"
