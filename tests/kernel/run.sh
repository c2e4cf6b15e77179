#!/bin/bash
# make kernel-selftests: boot a guest on each kernel in KSELFTEST_KERNELS,
# collect the seed-ABI selftests' results from its console (results.sh),
# stop it.  One line per selftest per kernel, then a count.
set -u
BUILD=${BUILD:-build}
PORT=${KSELFTEST_PORT:-1250}
KERNELS=${KSELFTEST_KERNELS:-stock seed}
MAKE=${MAKE:-make}
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0 skip=0
# An interrupted run leaves no guest behind.
trap '[ -n "${NATIVE:-}" ] || $MAKE -s vm-down VM_PORT="$PORT" BUILD="$BUILD" >/dev/null 2>&1' EXIT

for kernel in $KERNELS; do
	if [ -n "${NATIVE:-}" ]; then
		out=$("$here/results.sh" native "$kernel" "$BUILD/extra")
	else
		$MAKE -s vm-down VM_PORT="$PORT" BUILD="$BUILD" >/dev/null 2>&1
		if ! $MAKE -s vm-up VM_PORT="$PORT" VM_EXTRA="$BUILD/extra" \
			VM_KERNEL="$kernel" BUILD="$BUILD"; then
			echo "FAIL vm-up [$kernel]: the guest did not come up"
			fail=$((fail + 1))
			continue
		fi
		out=$("$here/results.sh" console "$BUILD/vm/$PORT/console.log" \
			"$kernel" "$BUILD/extra")
		$MAKE -s vm-down VM_PORT="$PORT" BUILD="$BUILD" >/dev/null 2>&1
	fi
	echo "$out"
	pass=$((pass + $(echo "$out" | grep -c '^PASS ')))
	fail=$((fail + $(echo "$out" | grep -c '^FAIL ')))
	skip=$((skip + $(echo "$out" | grep -c '^SKIP ')))
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
