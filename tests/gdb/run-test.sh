#!/bin/bash
# Run one GDB test against a stub that already listens:
#   tests/gdb/run-test.sh NAME
# Environment: A64_PORT (extended-remote port), A64_PORT2 (second stub,
# optional), A64_GUEST_DIR (where the test programs are in the guest),
# BUILD, A64_KERNEL and A64_CPU (the guest's kernel and VM_CPU: the lane,
# "KERNEL/CPU" in the result line, or just KERNEL without A64_CPU; A64_LANE
# overrides that label),
# A64_TIMEOUT (s, 300), A64_LIBC_ROOT (the guest's C library on the host,
# the sysroot of the dyn_* tests; default $A64STUB_CACHE/libc/root).
# Logs go to $BUILD/test-logs/KERNEL-CPU/ (or KERNEL/).
#
# A test whose NAME.gdb has a line "# needs-cpu: CPU..." runs only where
# A64_CPU is one of those VM_CPUs (unset counts as cortex-a57, vm-up's
# default); elsewhere it is skipped.
# Prints "PASS gdb/NAME [LANE] ...", "FAIL ..." or "SKIP ..." and exits 0,
# 1 or 77 (skipped).
set -u
name=$1
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-build}
kernel=${A64_KERNEL:-stock}
cpu=${A64_CPU:-}
lane=${A64_LANE:-$kernel${cpu:+/$cpu}}
needs=$(sed -n 's/^# needs-cpu:[[:space:]]*//p' "$here/$name.gdb" 2>/dev/null | head -n1)
if [ -n "$needs" ] && [[ " $needs " != *" ${cpu:-cortex-a57} "* ]]; then
	echo "SKIP gdb/$name [$lane] (needs VM_CPU=${needs// /|})"
	exit 77
fi
logdir=$BUILD/test-logs/${lane//\//-}
mkdir -p "$logdir" "$BUILD/sysroot"
out=$logdir/$name.out
err=$logdir/$name.log
: > "$out"
export A64_TEST=$name A64_BUILD=$BUILD A64_LOGDIR=$logdir
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
	echo "PASS gdb/$name [$lane] ($checks checks, ${ms} ms)"
	exit 0
fi
why="exit $rc"
[ $rc -eq 124 ] && why="timed out"
echo "FAIL gdb/$name [$lane] ($why, ${ms} ms; log: $err)"
grep -A1 '^not ok' "$err" | sed 's/^/    /' | head -20
grep -iE 'error|internal' "$err" | grep -v '^ok' | head -5 | sed 's/^/    /'
exit 1
