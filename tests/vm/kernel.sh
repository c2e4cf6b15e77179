#!/bin/bash
# Map a kernel choice (VM_KERNEL) to its files.
#   kernel.sh ensure  KERNEL   make the kernel available (fetch) or fail clearly
#   kernel.sh image   KERNEL   print the path of the Image qemu boots
#   kernel.sh modules KERNEL   print the folder holding order + *.ko for the
#                              initramfs, or nothing when all is built in
#   kernel.sh stamp   KERNEL   print a file that changes when the modules do
# Kernels:
#   stock  Debian's linux-image-arm64 (tests/vm/fetch-kernel.sh), virtio-net
#          as modules
#   seed   our own build, everything built in, no modules:
#          $A64STUB_CACHE/seed-$SEED_HASH/Image (made by 'make kernel')
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${A64STUB_CACHE:-$HOME/.cache/a64stub}
cmd=${1:?usage: kernel.sh ensure|image|modules|stamp KERNEL}
kernel=${2:-stock}

die() { echo "kernel.sh: $*" >&2; exit 1; }

case $kernel in
stock)
	image=$CACHE/stock/vmlinuz
	modules=$CACHE/stock/modules
	stamp=$CACHE/stock/version
	ensure() { "$here/fetch-kernel.sh"; }
	;;
seed)
	dir=$CACHE/seed-${SEED_HASH:-unknown}
	image=$dir/Image
	modules=
	stamp=$image
	ensure() {
		[ -n "${SEED_HASH:-}" ] && [ -s "$image" ] ||
			die "seed kernel not built yet ($image missing), run 'make kernel'"
	}
	;;
*)
	die "unknown VM_KERNEL '$kernel' (known: stock, seed)"
	;;
esac

case $cmd in
ensure)  ensure ;;
image)   echo "$image" ;;
modules) echo "$modules" ;;
stamp)   echo "$stamp" ;;
*)       die "unknown command '$cmd'" ;;
esac
