#!/bin/bash
# make check: the host unit tests, then the GDB suite against the stub in
# a guest, once per kernel in CHECK_KERNELS.  One line per test, then
# "N passed, N failed, N skipped".  Called by the Makefile, which has built
# the stub, the unit tests, the test programs and the initramfs.
set -u
BUILD=${BUILD:-build}
CHECK_PORT=${CHECK_PORT:-1250}
CHECK_PORT2=$((CHECK_PORT + 1))
MAKE=${MAKE:-make}
pass=0 fail=0 skip=0
t0=$(date +%s)

say() { echo "== $* ($(( $(date +%s) - t0 )) s)"; }
count() { if [ "$1" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi; }

ntests=$(( $(echo $UNIT_TESTS | wc -w) + ($(echo $GDB_TESTS | wc -w) + $(echo ${KSELFTESTS:-} | wc -w) + $(echo ${CLIENT_TESTS:-} | wc -w)) * $(echo $CHECK_KERNELS | wc -w) ))
say "make check: $ntests tests"
say "host unit tests"
for t in $UNIT_TESTS; do
	name=unit/$(basename "$t")
	if log=$("$t" 2>&1); then
		echo "PASS $name ($(echo "$log" | grep -c '^ok ') checks)"
		count 0
	else
		echo "FAIL $name"
		echo "$log" | grep -A1 '^not ok' | sed 's/^/    /' | head -20
		count 1
	fi
done

# --- make install and the man page, on the host (tests/install/check.sh) ---
say "install and man page (host)"
out=$(BUILD="$BUILD" MAKE="$MAKE" tests/install/check.sh 2>&1)
echo "$out"
pass=$((pass + $(echo "$out" | grep -c '^PASS ')))
fail=$((fail + $(echo "$out" | grep -c '^FAIL ')))
# --- end of install ---

for kernel in $CHECK_KERNELS; do
	say "booting the $kernel kernel guest on port $CHECK_PORT"
	$MAKE -s vm-down VM_PORT=$CHECK_PORT BUILD="$BUILD" >/dev/null 2>&1
	if ! $MAKE -s vm-up VM_PORT=$CHECK_PORT VM_FWD2=$CHECK_PORT2 \
		VM_EXTRA="$BUILD/extra" VM_KERNEL=$kernel BUILD="$BUILD"; then
		echo "FAIL vm-up [$kernel]: the guest did not come up"
		count 1
		continue
	fi
	if [ -n "${NATIVE:-}" ]; then
		guest_dir=$(cd "$BUILD/extra" && pwd)
	else
		guest_dir=/extra
	fi
	# --- seed-ABI kernel selftests (tests/kernel; they ran at boot) ---
	if [ -n "${KSELFTESTS:-}" ]; then
		if [ -n "${NATIVE:-}" ]; then
			kout=$(tests/kernel/results.sh native "$kernel" "$BUILD/extra")
		else
			kout=$(tests/kernel/results.sh console \
				"$BUILD/vm/$CHECK_PORT/console.log" "$kernel" "$BUILD/extra")
		fi
		echo "$kout"
		pass=$((pass + $(echo "$kout" | grep -c '^PASS ')))
		fail=$((fail + $(echo "$kout" | grep -c '^FAIL ')))
		skip=$((skip + $(echo "$kout" | grep -c '^SKIP ')))
	fi
	# --- end of the kernel selftests ---
	i=0
	for t in $GDB_TESTS; do
		i=$((i + 1))
		A64_PORT=$CHECK_PORT A64_PORT2=$CHECK_PORT2 A64_GUEST_DIR=$guest_dir \
		A64_KERNEL=$kernel BUILD="$BUILD" tests/gdb/run-test.sh "$t"
		count $?
	done
	# --- client tests (tests/clients): GDB/MI as an IDE drives it, LLDB,
	# two debug adapters (dap-*.js, node), the cppdbg MI replay, against
	# this guest.  After the GDB suite:
	# remote_cmdline uses the second stub first (tests/gdb/autostart.c) ---
	[ -z "${CLIENT_TESTS:-}" ] || say "client tests on the $kernel kernel"
	for t in ${CLIENT_TESTS:-}; do
		run="python3 tests/clients/$t.py"
		[ -e "tests/clients/$t.py" ] || run="node tests/clients/$t.js"
		A64_PORT=$CHECK_PORT A64_PORT2=$CHECK_PORT2 A64_GUEST_DIR=$guest_dir \
		A64_KERNEL=$kernel BUILD="$BUILD" \
			timeout -k 5 "${A64_TIMEOUT:-300}" $run
		rc=$?
		[ $rc -ne 124 ] || echo "FAIL clients/$t [$kernel] (timed out)"
		count $rc
	done
	# --- end of the client tests ---
	$MAKE -s vm-down VM_PORT=$CHECK_PORT BUILD="$BUILD" >/dev/null 2>&1
	say "$kernel kernel done"
done

# --- hardening: fuzz targets (fuzz/) on the host, hostile input and faults
# against a guest of its own (tests/hardening); their PASS/FAIL/SKIP lines ---
for t in fuzz-check hardening-check; do
	say "$t"
	out=$($MAKE -s $t BUILD="$BUILD" 2>&1)
	rc=$?
	echo "$out" | grep -E '^(PASS|FAIL|SKIP|fuzz:|    )'
	pass=$((pass + $(echo "$out" | grep -c '^PASS ')))
	fail=$((fail + $(echo "$out" | grep -c '^FAIL ')))
	skip=$((skip + $(echo "$out" | grep -c '^SKIP ')))
	if [ $rc -ne 0 ] && ! echo "$out" | grep -q '^FAIL '; then
		echo "FAIL $t (make failed:)"
		echo "$out" | tail -5 | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
# --- end of hardening ---

# --- the benchmark harness, quick (bench/bench.mk): only that it still
# runs and writes its JSON; it asserts nothing about time ---
say "bench-quick (the benchmark harness, N=50)"
rm -f "$BUILD/bench-quick.json"
if $MAKE -s bench-quick BUILD="$BUILD" >"$BUILD/bench-quick.log" 2>&1 &&
	[ -s "$BUILD/bench-quick.json" ]; then
	echo "PASS bench/quick"
	count 0
else
	echo "FAIL bench/quick (log: $BUILD/bench-quick.log)"
	count 1
fi
# --- end of the benchmark harness ---

# --- the GDB suite against an ASan+UBSan build of the stub (tests/asan) ---
say "asan-check (the GDB suite against an ASan+UBSan stub)"
out=$($MAKE -s asan-check BUILD="$BUILD" 2>&1)
echo "$out" | grep -E '^(PASS|FAIL|SKIP|    )'
pass=$((pass + $(echo "$out" | grep -c '^PASS ')))
fail=$((fail + $(echo "$out" | grep -c '^FAIL ')))
# --- end of asan ---

say "make check finished"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
