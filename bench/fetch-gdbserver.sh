#!/bin/bash
# Fetch Debian's gdbserver for arm64 (the reference the benchmarks measure
# against) with the libraries it needs, into the cache (outside the clone):
#   $A64STUB_CACHE/gdbserver/root/bin/gdbserver
#   $A64STUB_CACHE/gdbserver/root/lib/ld-linux-aarch64.so.1
#   $A64STUB_CACHE/gdbserver/root/lib/aarch64-linux-gnu/{libc.so.6,libm.so.6,
#       libstdc++.so.6,libgcc_s.so.1}
#   $A64STUB_CACHE/gdbserver/version   "gdbserver VERSION libc6 VERSION ..."
# Idempotent: does nothing when the cache already has them.
set -euo pipefail

NAME=fetch-gdbserver
. "$(dirname "$0")/../tests/vm/fetch-lib.sh"
DEST=$CACHE/gdbserver
PKGS=(gdbserver libc6 libstdc++6 libgcc-s1)
LIBS=(ld-linux-aarch64.so.1 libc.so.6 libm.so.6 libstdc++.so.6 libgcc_s.so.1)

complete() {
	[ -s "$DEST/version" ] && [ -x "$DEST/root/bin/gdbserver" ] || return 1
	local l
	for l in "${LIBS[@]}"; do
		[ -s "$DEST/root/lib/aarch64-linux-gnu/$l" ] || return 1
	done
}
complete && exit 0

fetch_begin
apt_download "${PKGS[@]/%/:arm64}" ||
	die "apt-get download failed (run 'make deps': it adds the arm64 architecture; then 'apt-get update')"
version=
for deb in "$work"/*.deb; do
	dpkg-deb -x "$deb" "$work/x"
	version+="$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version) "
done
out=$work/out/root
mkdir -p "$out/bin" "$out/lib/aarch64-linux-gnu"
cp "$work/x/usr/bin/gdbserver" "$out/bin/gdbserver"
for l in "${LIBS[@]}"; do
	f=
	for d in lib/aarch64-linux-gnu usr/lib/aarch64-linux-gnu; do
		[ -e "$work/x/$d/$l" ] && { f=$work/x/$d/$l; break; }
	done
	[ -n "$f" ] || die "no $l in ${PKGS[*]}"
	cp -L "$f" "$out/lib/aarch64-linux-gnu/$l"
done
cp -L "$work/x/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1" "$out/lib/ld-linux-aarch64.so.1"
echo "${version% }" >"$work/out/version"
fetch_install
echo "fetch-gdbserver: $(cat "$DEST/version") in $DEST"
