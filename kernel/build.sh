#!/bin/bash
# Build the "seed" kernel: Debian's Linux 6.1 source (package
# linux-source-6.1) with our patch series kernel/patches/*.patch and the
# config fragment kernel/seed.config, as an arm64 Image with everything
# built in.  Called by `make kernel` (kernel/kernel.mk).
#
#   build.sh build     build unless $A64STUB_CACHE/seed-<hash>/Image exists
#   build.sh hash      print <hash> (what kernel.mk puts in SEED_HASH)
#   build.sh refresh   pin the newest linux-source-6.1 apt offers, then build
#
# <hash> is the sha256 of the patches, the config fragment and the pinned
# source package version.  The version is pinned in
# $A64STUB_CACHE/seed-source.version the first time it is needed (from
# apt's candidate), so the kernel does not change under you when Debian
# uploads a new 6.1; `make kernel-refresh` moves to the newest one, and a
# pinned version that the archive no longer has is replaced the same way.
#
# Environment:
#   A64STUB_CACHE   cache folder (default ~/.cache/a64stub)
#   KERNEL_WORK     build tree (default $A64STUB_CACHE/seed-work); it is
#                   unpacked afresh for every build and removed after a
#                   successful one unless KERNEL_KEEP_WORK=1
#   KERNEL_JOBS     make -j (default 2: the host is shared)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${A64STUB_CACHE:-$HOME/.cache/a64stub}
WORK=${KERNEL_WORK:-$CACHE/seed-work}
JOBS=${KERNEL_JOBS:-2}
SRC_PKG=linux-source-6.1
VERSION_FILE=$CACHE/seed-source.version
PATCHES=("$here"/patches/*.patch)
FRAGMENT=$here/seed.config

cmd=${1:-build}
die() { echo "kernel: $*" >&2; exit 1; }
say() { echo "kernel: $*"; }
now() { date +%s; }
T0=$(now)
step_t=$T0
step() {	# step MESSAGE: report how long the previous step took, start a new one
	local t
	t=$(now)
	[ -z "${step_name:-}" ] || say "  ... $step_name took $((t - step_t)) s"
	step_name=$1 step_t=$t
	[ -z "$1" ] || say "$1"
}

[ -e "${PATCHES[0]}" ] || die "no patches in $here/patches"
[ -f "$FRAGMENT" ] || die "no $FRAGMENT"
mkdir -p "$CACHE"

candidate() {
	apt-cache policy "$SRC_PKG" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -v '(none)' || true
}

pin_version() {	# pin_version: record apt's candidate as the source to use
	local v
	v=$(candidate)
	[ -n "$v" ] || die "apt offers no $SRC_PKG (run 'make deps', which runs apt-get update)"
	if [ "$(cat "$VERSION_FILE" 2>/dev/null)" != "$v" ]; then
		echo "$v" >"$VERSION_FILE.tmp.$$" && mv -f "$VERSION_FILE.tmp.$$" "$VERSION_FILE"
		say "source pinned to $SRC_PKG $v ($VERSION_FILE)"
	fi
}

source_version() {
	[ -s "$VERSION_FILE" ] || pin_version >&2
	cat "$VERSION_FILE"
}

compute_hash() {
	{
		echo "$SRC_PKG $(source_version)"
		for p in "${PATCHES[@]}"; do
			echo "patch $(basename "$p")"
			cat "$p"
		done
		echo "config"
		cat "$FRAGMENT"
	} | sha256sum | cut -c1-16
}

case $cmd in
hash)
	compute_hash
	exit 0
	;;
refresh)
	pin_version
	;;
build)
	;;
*)
	die "usage: build.sh build|hash|refresh"
	;;
esac

hash=$(compute_hash)
out=$CACHE/seed-$hash
if [ -s "$out/Image" ]; then
	say "seed kernel up to date: $out/Image ($(cat "$out/kernelrelease" 2>/dev/null || echo ?))"
	exit 0
fi

version=$(source_version)
say "building the seed kernel $hash from $SRC_PKG $version + ${#PATCHES[@]} patches"
say "  work tree $WORK, result $out/Image"

if [ "$(uname -m)" = aarch64 ]; then
	CROSS=
else
	CROSS=aarch64-linux-gnu-
fi
for tool in ${CROSS}gcc ${CROSS}ld gcc make bison flex bc xz patch; do
	command -v "$tool" >/dev/null ||
		die "$tool is missing: run 'make deps' (tests/vm/install-deps.sh)"
done

# 1. The source package, kept in the cache by version.
step "fetching $SRC_PKG $version"
dl=$CACHE/dl
deb=$dl/${SRC_PKG}_${version}_all.deb
mkdir -p "$dl"
if [ ! -s "$deb" ]; then
	tmp=$(mktemp -d "$dl/fetch.XXXXXX")
	chmod 0755 "$tmp"	# apt's _apt user writes there when it can
	if ! (cd "$tmp" && apt-get download -q "$SRC_PKG=$version" >apt.log 2>&1); then
		sed 's/^/  apt: /' "$tmp/apt.log" >&2
		rm -rf "$tmp"
		latest=$(candidate)
		if [ -n "$latest" ] && [ "$latest" != "$version" ]; then
			die "$SRC_PKG $version is no longer in the archive (apt offers $latest): run 'make kernel-refresh'"
		fi
		die "cannot download $SRC_PKG $version"
	fi
	mv -f "$tmp"/"${SRC_PKG}"_*.deb "$deb"
	rm -rf "$tmp"
	# Older downloads are of no further use.
	find "$dl" -maxdepth 1 -name "${SRC_PKG}_*.deb" ! -name "$(basename "$deb")" -delete
else
	say "  (cached: $deb)"
fi

# 2. A fresh tree: the tarball inside the .deb, unpacked.
step "unpacking into $WORK"
rm -rf "$WORK"
mkdir -p "$WORK"
dpkg-deb --fsys-tarfile "$deb" |
	tar -xO "./usr/src/$SRC_PKG.tar.xz" | tar -xJ -C "$WORK"
tree=$WORK/$SRC_PKG
[ -f "$tree/Makefile" ] || die "no $tree/Makefile after unpacking"

# 3. Our patches.
step "applying ${#PATCHES[@]} patches"
for p in "${PATCHES[@]}"; do
	say "  $(basename "$p")"
	patch -d "$tree" -p1 --forward --batch --quiet <"$p" ||
		die "$(basename "$p") does not apply to $SRC_PKG $version"
done

# 4. allnoconfig + the fragment, then check that every option took.
step "configuring (allnoconfig + $(basename "$FRAGMENT"))"
kmake() { make --no-print-directory -C "$tree" ARCH=arm64 ${CROSS:+CROSS_COMPILE=$CROSS} "$@"; }
kmake -s allnoconfig >/dev/null
(cd "$tree" && KCONFIG_CONFIG=.config ARCH=arm64 \
	scripts/kconfig/merge_config.sh -m -n .config "$FRAGMENT" >"$WORK/merge.log" 2>&1) ||
	{ cat "$WORK/merge.log" >&2; die "merge_config.sh failed"; }
kmake -s olddefconfig >/dev/null
bad=0
while IFS= read -r line; do
	case $line in
	CONFIG_*=*) want=$line; opt=${line%%=*} ;;
	"# CONFIG_"*" is not set") opt=${line#\# }; opt=${opt%% *}; want="# $opt is not set" ;;
	*) continue ;;
	esac
	got=$(grep -E "^($opt=|# $opt is not set)" "$tree/.config" || echo "$opt undefined")
	if [ "$got" != "$want" ]; then
		echo "kernel: config: wanted '$want', got '$got'" >&2
		bad=1
	fi
done <"$FRAGMENT"
[ "$bad" = 0 ] || die "kernel/seed.config does not hold (dependencies missing?)"

# 5. The Image.
step "make -j$JOBS Image (${CROSS:-native})"
log=$WORK/build.log
if ! kmake -j"$JOBS" Image >"$log" 2>&1; then
	grep -E -B2 -A6 'error|Error' "$log" | tail -40 >&2
	die "kernel build failed (full log: $log)"
fi
grep -E 'warning:' "$log" | sed 's/^/kernel: /' | head -20 || true

# 6. Into the cache, atomically.
step "installing into $out"
release=$(kmake -s kernelrelease)
tmpout=$(mktemp -d "$CACHE/seed-$hash.tmp.XXXXXX")
cp "$tree/arch/arm64/boot/Image" "$tmpout/Image"
cp "$tree/.config" "$tmpout/config"
cp "${PATCHES[@]}" "$FRAGMENT" "$tmpout/"
echo "$release" >"$tmpout/kernelrelease"
echo "$SRC_PKG $version" >"$tmpout/source"
chmod 0755 "$tmpout"
rm -rf "$out"
mv "$tmpout" "$out"
if [ "${KERNEL_KEEP_WORK:-}" != 1 ]; then
	rm -rf "$WORK"
fi
step ""
say "seed kernel $release ready: $out/Image ($(($(stat -c %s "$out/Image") / 1024)) KiB) in $(($(now) - T0)) s"
