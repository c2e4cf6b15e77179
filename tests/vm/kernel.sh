#!/bin/bash
# Map a kernel choice (VM_KERNEL) to its files.
#   kernel.sh ensure  KERNEL   make the kernel available (fetch) or fail clearly
#   kernel.sh image   KERNEL   print the path of the Image qemu boots
#   kernel.sh modules KERNEL   print the folder holding order + *.ko for the
#                              initramfs, or nothing when all is built in
#   kernel.sh stamp   KERNEL   print a file that changes when the modules do
#   kernel.sh id      KERNEL   print the name its initramfs is kept under
#                              (an alias prints the kernel it stands for)
# Kernels:
#   stock       Debian's 6.1 linux-image-arm64 (tests/vm/fetch-kernel.sh 6.1)
#               in $A64STUB_CACHE/stock, virtio-net as modules; alias stock-6.1
#   stock-6.12  Debian's linux-image-6.12-arm64 (fetch-kernel.sh 6.12) in
#               $A64STUB_CACHE/stock-6.12, virtio-net as modules
#   seed        our own build, everything built in, no modules:
#               $A64STUB_CACHE/seed-$SEED_HASH/Image (made by 'make kernel');
#               alias seed-6.1
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${A64STUB_CACHE:-$HOME/.cache/a64stub}
cmd=${1:?usage: kernel.sh ensure|image|modules|stamp|id KERNEL}
kernel=${2:-stock}

die() { echo "kernel.sh: $*" >&2; exit 1; }

case $kernel in
stock|stock-6.1)
	id=stock
	image=$CACHE/stock/vmlinuz
	modules=$CACHE/stock/modules
	stamp=$CACHE/stock/version
	ensure() { "$here/fetch-kernel.sh" 6.1; }
	;;
stock-6.12)
	id=stock-6.12
	image=$CACHE/stock-6.12/vmlinuz
	modules=$CACHE/stock-6.12/modules
	stamp=$CACHE/stock-6.12/version
	ensure() { "$here/fetch-kernel.sh" 6.12; }
	;;
seed|seed-6.1)
	id=seed
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
	die "unknown VM_KERNEL '$kernel' (known: stock stock-6.1 stock-6.12 seed seed-6.1)"
	;;
esac

case $cmd in
ensure)  ensure ;;
image)   echo "$image" ;;
modules) echo "$modules" ;;
stamp)   echo "$stamp" ;;
id)      echo "$id" ;;
*)       die "unknown command '$cmd'" ;;
esac
