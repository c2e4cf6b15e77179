#!/bin/bash
# Run one GDB test against a stub that already listens:
#   tests/gdb/run-test.sh NAME
# Environment: A64_PORT (extended-remote port), A64_PORT2 (second stub,
# optional), A64_GUEST_DIR (where the test programs are in the guest),
# BUILD, A64_KERNEL (label for the result line), A64_TIMEOUT (s, 300),
# A64_LIBC_ROOT (the guest's C library on the host, the sysroot of the
# dyn_* tests; default $A64STUB_CACHE/libc/root).
# Prints "PASS NAME" or "FAIL NAME" and exits 0 or 1.
set -u
name=$1
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-build}
kernel=${A64_KERNEL:-stock}
logdir=$BUILD/test-logs/$kernel
mkdir -p "$logdir" "$BUILD/sysroot"
out=$logdir/$name.out
err=$logdir/$name.log
: > "$out"
export A64_TEST=$name A64_BUILD=$BUILD
export A64_LIBC_ROOT=${A64_LIBC_ROOT:-${A64STUB_CACHE:-$HOME/.cache/a64stub}/libc/root}
# Static test programs need no libraries: an empty sysroot keeps GDB from
# fetching files from the target.  Dynamically linked ones (dyn_*) get the
# same C library the guest has.
sysroot=$BUILD/sysroot
case $name in dyn_*) sysroot=$A64_LIBC_ROOT ;; esac
start=$(date +%s%N)
timeout -k 5 "${A64_TIMEOUT:-300}" gdb-multiarch -nx -batch \
	-ex 'set startup-with-shell off' \
	-ex "set sysroot $sysroot" \
	-ex 'set confirm off' -ex 'set pagination off' -ex 'set width 0' \
	-ex "file $BUILD/extra/$name" \
	-x "$here/lib.py" -x "$here/$name.gdb" </dev/null >"$out" 2>"$err"
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
checks=$(grep -c '^ok ' "$err")
if [ $rc -eq 0 ] && ! grep -q '^not ok' "$err" && [ "$checks" -gt 0 ]; then
	echo "PASS gdb/$name [$kernel] ($checks checks, ${ms} ms)"
	exit 0
fi
why="exit $rc"
[ $rc -eq 124 ] && why="timed out"
echo "FAIL gdb/$name [$kernel] ($why, ${ms} ms; log: $err)"
grep -A1 '^not ok' "$err" | sed 's/^/    /' | head -20
grep -iE 'error|internal' "$err" | grep -v '^ok' | head -5 | sed 's/^/    /'
exit 1
