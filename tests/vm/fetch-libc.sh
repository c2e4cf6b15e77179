#!/bin/bash
# Fetch Debian's arm64 C library (libc6:arm64, and libgcc-s1:arm64 for the
# sanitizer build of the stub) into the cache (outside the clone), for
# dynamically linked programs in the guest:
#   $A64STUB_CACHE/libc/root/lib/ld-linux-aarch64.so.1 -> aarch64-linux-gnu/...
#   $A64STUB_CACHE/libc/root/lib/aarch64-linux-gnu/{ld-linux-aarch64.so.1,libc.so.6,libm.so.6}
#   $A64STUB_CACHE/libc/version
# The same tree serves GDB on the host as its sysroot.  Idempotent.
set -euo pipefail

NAME=fetch-libc
. "$(dirname "$0")/fetch-lib.sh"
DEST=$CACHE/libc
LIBS=(ld-linux-aarch64.so.1 libc.so.6 libm.so.6 libgcc_s.so.1)

complete() {
	[ -s "$DEST/version" ] || return 1
	local l
	for l in "${LIBS[@]}"; do
		[ -s "$DEST/root/lib/aarch64-linux-gnu/$l" ] || return 1
	done
}
complete && exit 0

fetch_begin
apt_download libc6:arm64 libgcc-s1:arm64 ||
	die "apt-get download libc6:arm64 libgcc-s1:arm64 failed (run 'make deps': it adds the arm64 architecture)"
for d in "$work"/*.deb; do
	dpkg-deb -x "$d" "$work/x"
done
deb=$(ls "$work"/libc6_*.deb)
mkdir -p "$work/out/root/lib/aarch64-linux-gnu"
for l in "${LIBS[@]}"; do
	cp -a "$work/x/lib/aarch64-linux-gnu/$l" "$work/out/root/lib/aarch64-linux-gnu/$l"
done
ln -s aarch64-linux-gnu/ld-linux-aarch64.so.1 "$work/out/root/lib/ld-linux-aarch64.so.1"
dpkg-deb -f "$deb" Version >"$work/out/version"
fetch_install
echo "fetch-libc: libc6:arm64 $(cat "$DEST/version") in $DEST"
