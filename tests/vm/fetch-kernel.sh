#!/bin/bash
# Fetch one of Debian's stock arm64 kernels into the cache (outside the clone):
#   fetch-kernel.sh [6.1|6.12]      (default 6.1)
# 6.1 goes to $A64STUB_CACHE/stock, 6.12 to $A64STUB_CACHE/stock-6.12:
#   DEST/vmlinuz        uncompressed arm64 Image
#   DEST/modules/*.ko   the virtio-net modules (and what they depend on)
#   DEST/modules/order  the order init loads them in
#   DEST/version        "package version kernel-release"
# Idempotent: does nothing when the cache already has them.
set -euo pipefail

NAME=fetch-kernel
. "$(dirname "$0")/fetch-lib.sh"
series=${1:-6.1}
case $series in
6.1)
	# linux-image-arm64 depends on the current standard flavour, e.g.
	# linux-image-6.1.0-56-arm64 (not -cloud-, not -rt-).
	DEST=$CACHE/stock
	meta=linux-image-arm64
	flavour='linux-image-[0-9][0-9.]*-[0-9]*-arm64'
	suffix=
	;;
6.12)
	# bookworm's backported 6.12 (Debian 13's kernel): the meta package
	# depends on the signed image, e.g. linux-image-6.12.117+deb12-arm64;
	# its -unsigned twin holds the same Image without the EFI signature.
	DEST=$CACHE/stock-6.12
	meta=linux-image-6.12-arm64
	flavour='linux-image-6\.12\.[0-9]*+deb[0-9]*-arm64'
	suffix=-unsigned
	;;
*)
	die "unknown kernel series '$series' (known: 6.1, 6.12)"
	;;
esac
# What the guest needs as modules: virtio-net-device is virtio-mmio; the
# PCI transport too, as 6.1 builds it as a module.  Built-in ones are
# skipped; the dependencies each module names are added before it.
WANT=(virtio_mmio virtio_pci virtio_net)

complete() {
	[ -s "$DEST/vmlinuz" ] && [ -s "$DEST/version" ] &&
		[ -s "$DEST/modules/order" ] || return 1
	local m
	while read -r m; do
		[ -s "$DEST/modules/$m" ] || return 1
	done <"$DEST/modules/order"
}

if complete; then
	exit 0
fi

command -v apt-get >/dev/null || die "needs apt-get (Debian)"

pkg=$(apt-cache depends "$meta:arm64" 2>/dev/null |
	sed -n "s/^ *Depends: \\($flavour\\)\\(:arm64\\)\\?\$/\\1/p" |
	head -n1)
[ -n "$pkg" ] || die "cannot resolve $meta:arm64 with apt-cache depends; run 'make deps' (needs 'dpkg --add-architecture arm64' and 'apt-get update')"

fetch_begin
apt_download "$pkg$suffix:arm64" ||
	die "apt-get download $pkg$suffix:arm64 failed (try 'apt-get update')"
deb=$(ls "$work"/*.deb)
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -x "$deb" "$work/x"

kver=${pkg#linux-image-}
image=$work/x/boot/vmlinuz-$kver
[ -f "$image" ] || die "no /boot/vmlinuz-$kver in $deb"
mdir=$work/x/lib/modules/$kver

mkdir -p "$work/out/modules"
cp "$image" "$work/out/vmlinuz"
: >"$work/out/modules/order"

# add MODULE: unpack it and its dependencies (from its .modinfo
# "depends=" entry; the package has no modules.dep, depmod makes that at
# install), dependencies first; built-in modules need nothing.
add() {
	local m=$1 f d
	[ ! -s "$work/out/modules/$m.ko" ] || return 0
	if grep -q "/$m\\.ko\$" "$mdir/modules.builtin" 2>/dev/null; then
		return 0
	fi
	f=$(find "$mdir" -name "$m.ko" -o -name "$m.ko.xz" \
		-o -name "$m.ko.zst" -o -name "$m.ko.gz" | head -n1)
	[ -n "$f" ] || die "module $m is neither built in nor in $pkg$suffix"
	case $f in
	*.ko.xz)  xz -dc "$f" >"$work/out/modules/$m.ko" ;;
	*.ko.zst) zstd -qdc "$f" >"$work/out/modules/$m.ko" ;;
	*.ko.gz)  gzip -dc "$f" >"$work/out/modules/$m.ko" ;;
	*)        cp "$f" "$work/out/modules/$m.ko" ;;
	esac
	for d in $(strings -a "$work/out/modules/$m.ko" |
		sed -n 's/^depends=//p' | tr ',-' ' _'); do
		add "$d"
	done
	echo "$m.ko" >>"$work/out/modules/order"
}
for m in "${WANT[@]}"; do
	add "$m"
done
echo "$pkg$suffix $version $kver" >"$work/out/version"

fetch_install
echo "fetch-kernel: $pkg$suffix $version in $DEST ($(tr '\n' ' ' <"$DEST/modules/order"))"
