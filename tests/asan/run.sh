#!/bin/bash
# make asan-check: the GDB suite against an ASan+UBSan stub in a guest.
# One PASS/FAIL line per test ("[asan]"), then one for the sanitizers'
# verdict on the guest console.
set -u
BUILD=${BUILD:-build}
ASAN_PORT=${ASAN_PORT:-1270}
MAKE=${MAKE:-make}
ab=$BUILD/asan
t0=$(date +%s)
fail=0

echo "== asan: building the ASan+UBSan stub and the guest in $ab"
if ! $MAKE -s BUILD="$ab" STUB_SAN=1 all gdb-programs \
	$( [ -n "${NATIVE:-}" ] || echo "$ab/vm/initrd-stock.cpio.gz" ) >"$ab.build.log" 2>&1; then
	echo "FAIL asan/build (log: $ab.build.log)"
	tail -5 "$ab.build.log" | sed 's/^/    /'
	exit 1
fi
$MAKE -s vm-down VM_PORT="$ASAN_PORT" BUILD="$ab" >/dev/null 2>&1
# Interrupted or not, the guest goes down (vm-down is a no-op once it is).
trap '$MAKE -s vm-down VM_PORT="$ASAN_PORT" BUILD="$ab" >/dev/null 2>&1' EXIT
if ! $MAKE -s vm-up BUILD="$ab" STUB_SAN=1 VM_PORT="$ASAN_PORT" \
	VM_FWD2=$((ASAN_PORT + 1)) VM_EXTRA="$ab/extra"; then
	echo "FAIL asan/vm-up: the guest with the ASan stub did not come up"
	exit 1
fi
if [ -n "${NATIVE:-}" ]; then
	guest_dir=$(cd "$ab/extra" && pwd)
else
	guest_dir=/extra
fi
for t in $ASAN_TESTS; do
	A64_PORT=$ASAN_PORT A64_PORT2=$((ASAN_PORT + 1)) A64_GUEST_DIR=$guest_dir \
	A64_KERNEL=asan A64_CPU="${VM_CPU:-cortex-a57}" A64_LANE=asan BUILD="$ab" \
		tests/gdb/run-test.sh "$t"
	rc=$?
	[ $rc -eq 0 ] || [ $rc -eq 77 ] || fail=1	# 77: skipped (needs-cpu)
done
console=$ab/vm/$ASAN_PORT/console.log
reports=$(grep -a -c -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$console")
$MAKE -s vm-down VM_PORT="$ASAN_PORT" BUILD="$ab" >/dev/null 2>&1
last=$ab/vm/$ASAN_PORT.last-console.log
if [ "$reports" -eq 0 ]; then
	echo "PASS asan/no-reports (no sanitizer report on the guest console, $(( $(date +%s) - t0 )) s)"
else
	echo "FAIL asan/no-reports ($reports sanitizer reports: $last)"
	grep -a -E -A8 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$last" | head -30 | sed 's/^/    /'
	fail=1
fi
exit $fail
