#!/bin/bash
# Build the guest's initramfs (gzip'd newc cpio, all files owned by root).
#   [LIBC_ROOT=DIR] [BUSYBOX=FILE] mkinitrd.sh base  OUT INIT STUB [MODDIR]
#       /init, /bin/a64stub, /lib/modules/{order,*.ko} (from MODDIR, if any),
#       empty /proc /sys /dev /tmp /etc /extra, and the C library tree in
#       LIBC_ROOT (lib/ld-linux-aarch64.so.1, lib/aarch64-linux-gnu/...);
#       BUSYBOX (a static busybox) as /bin/busybox with /bin/sh -> busybox
#   mkinitrd.sh extra OUT BASE DIR
#       BASE followed by a second archive holding DIR's files under /extra,
#       modes kept (the kernel unpacks concatenated archives in turn)
# OUT is written atomically.
set -euo pipefail

die() { echo "mkinitrd: $*" >&2; exit 1; }

mode=${1:?usage: mkinitrd.sh base|extra OUT ...}
out=${2:?missing OUT}
mkdir -p "$(dirname "$out")"
stage=$(mktemp -d "$out.stage.XXXXXX")
trap 'rm -rf "$stage" "$out.tmp.$$"' EXIT

pack() {	# pack DIR: cpio of DIR's contents, gzip'd, to stdout
	(cd "$1" && find . -mindepth 1 | LC_ALL=C sort |
		cpio --quiet -o -H newc -R 0:0 | gzip -n -6)
}

case $mode in
base)
	init=${3:?missing INIT}
	stub=${4:?missing STUB}
	moddir=${5:-}
	[ -x "$init" ] || die "no init at $init"
	[ -x "$stub" ] || die "no stub at $stub (run make)"
	mkdir -p "$stage"/{bin,proc,sys,dev,tmp,etc,extra,lib/modules}
	install -m 0755 "$init" "$stage/init"
	install -m 0755 "$stub" "$stage/bin/a64stub"
	if [ -n "${LIBC_ROOT:-}" ]; then
		[ -d "$LIBC_ROOT/lib" ] || die "no C library in LIBC_ROOT=$LIBC_ROOT"
		cp -a "$LIBC_ROOT/lib/." "$stage/lib/"
	fi
	if [ -n "${BUSYBOX:-}" ]; then
		[ -x "$BUSYBOX" ] || die "no busybox at BUSYBOX=$BUSYBOX"
		install -m 0755 "$BUSYBOX" "$stage/bin/busybox"
		ln -s busybox "$stage/bin/sh"
	fi
	if [ -n "$moddir" ]; then
		[ -s "$moddir/order" ] || die "no $moddir/order"
		while read -r m; do
			[ -n "$m" ] || continue
			install -m 0644 "$moddir/$m" "$stage/lib/modules/$m"
		done <"$moddir/order"
		install -m 0644 "$moddir/order" "$stage/lib/modules/order"
	fi
	pack "$stage" >"$out.tmp.$$"
	;;
extra)
	base=${3:?missing BASE}
	dir=${4:?missing DIR}
	[ -f "$base" ] || die "no base initramfs $base"
	[ -d "$dir" ] || die "VM_EXTRA=$dir is not a folder"
	mkdir "$stage/extra"
	cp -a "$dir/." "$stage/extra/"
	chmod 0755 "$stage/extra"
	{ cat "$base"; pack "$stage"; } >"$out.tmp.$$"
	;;
*)
	die "unknown mode '$mode'"
	;;
esac
mv -f "$out.tmp.$$" "$out"
