#!/bin/bash
# Fetch Debian's busybox-static for arm64 into the cache, for the guest's
# /bin/sh (GDB's default startup-with-shell):
#   $A64STUB_CACHE/busybox/busybox, $A64STUB_CACHE/busybox/version
# Idempotent.
set -euo pipefail

NAME=fetch-busybox
. "$(dirname "$0")/fetch-lib.sh"
DEST=$CACHE/busybox

[ -s "$DEST/version" ] && [ -x "$DEST/busybox" ] && exit 0

fetch_begin
apt_download busybox-static:arm64 ||
	die "apt-get download busybox-static:arm64 failed (run 'make deps': it adds the arm64 architecture)"
deb=$(ls "$work"/busybox-static_*.deb)
dpkg-deb -x "$deb" "$work/x"
mkdir -p "$work/out"
install -m 0755 "$work/x/bin/busybox" "$work/out/busybox"
dpkg-deb -f "$deb" Version >"$work/out/version"
fetch_install
echo "fetch-busybox: busybox-static:arm64 $(cat "$DEST/version") in $DEST"
