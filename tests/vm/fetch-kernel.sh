#!/bin/bash
# Fetch Debian's stock arm64 kernel into the cache (outside the clone):
#   $A64STUB_CACHE/stock/vmlinuz        uncompressed arm64 Image
#   $A64STUB_CACHE/stock/modules/*.ko   the virtio-net modules
#   $A64STUB_CACHE/stock/modules/order  the order init loads them in
#   $A64STUB_CACHE/stock/version        "package version kernel-release"
# Idempotent: does nothing when the cache already has them.
set -euo pipefail

NAME=fetch-kernel
. "$(dirname "$0")/fetch-lib.sh"
DEST=$CACHE/stock
# Load order matters (dependencies first); virtio-net-device is virtio-mmio.
MODULES=(virtio_mmio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci
	 failover net_failover virtio_net)

complete() {
	[ -s "$DEST/vmlinuz" ] && [ -s "$DEST/version" ] &&
		[ -s "$DEST/modules/order" ] || return 1
	local m
	for m in "${MODULES[@]}"; do
		[ -s "$DEST/modules/$m.ko" ] || return 1
	done
}

if complete; then
	exit 0
fi

command -v apt-get >/dev/null || die "needs apt-get (Debian)"

# linux-image-arm64 depends on the current standard flavour, e.g.
# linux-image-6.1.0-56-arm64 (not -cloud-, not -rt-).
pkg=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][0-9.]*-[0-9]*-arm64\)\(:arm64\)\?$/\1/p' |
	head -n1)
[ -n "$pkg" ] || die "cannot resolve linux-image-arm64:arm64 with apt-cache depends; run 'make deps' (needs 'dpkg --add-architecture arm64' and 'apt-get update')"

fetch_begin
apt_download "$pkg:arm64" ||
	die "apt-get download $pkg:arm64 failed (try 'apt-get update')"
deb=$(ls "$work"/*.deb)
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -x "$deb" "$work/x"

kver=${pkg#linux-image-}
image=$work/x/boot/vmlinuz-$kver
[ -f "$image" ] || die "no /boot/vmlinuz-$kver in $deb"

mkdir -p "$work/out/modules"
cp "$image" "$work/out/vmlinuz"
: >"$work/out/modules/order"
for m in "${MODULES[@]}"; do
	f=$(find "$work/x/lib/modules/$kver" -name "$m.ko" -o -name "$m.ko.xz" \
		-o -name "$m.ko.zst" -o -name "$m.ko.gz" | head -n1)
	[ -n "$f" ] || die "module $m not found in $pkg"
	case $f in
	*.ko.xz)  xz -dc "$f" >"$work/out/modules/$m.ko" ;;
	*.ko.zst) zstd -qdc "$f" >"$work/out/modules/$m.ko" ;;
	*.ko.gz)  gzip -dc "$f" >"$work/out/modules/$m.ko" ;;
	*)        cp "$f" "$work/out/modules/$m.ko" ;;
	esac
	echo "$m.ko" >>"$work/out/modules/order"
done
echo "$pkg $version $kver" >"$work/out/version"

fetch_install
echo "fetch-kernel: $pkg $version in $DEST"
