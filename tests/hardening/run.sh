#!/bin/bash
# make hardening-check: boot a guest on HARD_PORT (+1 for its --once stub)
# with $HARD_EXTRA as /extra, run malformed.py, interrupt_race.py,
# faults.py, the security checks (sec_checks from boot.d), a fixed-seed
# slice of chaos.py (CHAOS_CHECK_SECONDS) and security.py against it,
# print one PASS/FAIL line per test, take the guest down.
# run.sh chaos (make chaos): only chaos.py, CHAOS_SECONDS long, seed
# CHAOS_SEED (default: the time).
set -u
BUILD=${BUILD:-build}
HARD_PORT=${HARD_PORT:-1800}
HARD_EXTRA=${HARD_EXTRA:-$BUILD/hardening/extra}
MAKE=${MAKE:-make}
here=$(cd "$(dirname "$0")" && pwd)
logdir=$BUILD/test-logs/hardening
mkdir -p "$logdir"
if [ -n "${NATIVE:-}" ]; then
	guest_dir=$(cd "$HARD_EXTRA" && pwd)
else
	guest_dir=/extra
fi
$MAKE -s vm-down VM_PORT=$HARD_PORT BUILD="$BUILD" >/dev/null 2>&1
if ! $MAKE -s vm-up VM_PORT=$HARD_PORT VM_FWD2=$((HARD_PORT + 1)) \
	VM_EXTRA="$HARD_EXTRA" BUILD="$BUILD" >"$logdir/vm-up.log" 2>&1; then
	echo "FAIL hardening/vm-up (the guest did not come up; log: $logdir/vm-up.log)"
	exit 1
fi
trap '$MAKE -s vm-down VM_PORT=$HARD_PORT BUILD="$BUILD" >/dev/null 2>&1' EXIT
console=$BUILD/vm/$HARD_PORT/console.log
for _ in $(seq 50); do	# the autostart's --once stub
	grep -q 'Listening on port 1235' "$console" 2>/dev/null && break
	sleep 0.2
done
rc=0
chaos() {	# SECONDS SEED
	timeout $(($1 + 600)) python3 "$here/chaos.py" "$HARD_PORT" "$guest_dir" "$1" "$2" ||
		rc=1
}
if [ "${1:-}" = chaos ]; then
	: > "$logdir/chaos.log"
	chaos "${CHAOS_SECONDS:-600}" "${CHAOS_SEED:-$(date +%s)}"
	cp "$console" "$logdir/console.log"
	exit $rc
fi
if out=$(timeout 300 python3 "$here/malformed.py" "$HARD_PORT" "$guest_dir" 2>&1); then
	echo "PASS hardening/malformed ($(echo "$out" | tail -1))"
else
	echo "FAIL hardening/malformed ($(echo "$out" | tail -1); log: $logdir/malformed.log)"
	echo "$out" | grep -v '^[0-9]* malformed' | head -20 | sed 's/^/    /'
	rc=1
fi
echo "$out" > "$logdir/malformed.log"
timeout 300 python3 "$here/interrupt_race.py" "$HARD_PORT" "$guest_dir" || rc=1
timeout 300 python3 "$here/faults.py" "$HARD_PORT" $((HARD_PORT + 1)) "$guest_dir" || rc=1
# sec_checks ran from boot.d before the guest's stubs listened: its lines
# are on the console ("boot.d/sec_checks: PASS ...").  Natively there is
# no boot.d: run it here.
if [ -n "${NATIVE:-}" ]; then
	sec=$(timeout 120 "$HARD_EXTRA/boot.d/sec_checks" "$(cd "$BUILD" && pwd)/a64stub" "$guest_dir" 2>&1)
	sec_done=$?
	sec=$(echo "$sec" | grep -E '^(PASS|FAIL|SKIP) ')
else
	sec=$(sed -n 's/^.*boot\.d\/sec_checks: \(\(PASS\|FAIL\|SKIP\) .*\)$/\1/p' "$console" | tr -d '\r')
	grep -qE 'boot.d/sec_checks exited with status [01] ' "$console"
	sec_done=$?
	[ $sec_done -eq 0 ] || sec_done=2
fi
if [ -n "$sec" ]; then
	echo "$sec"
	echo "$sec" | grep -q '^FAIL' && rc=1
fi
if [ -z "$sec" ] || [ "$sec_done" -gt 1 ]; then
	echo "FAIL hardening/sec-checks (sec_checks did not finish; see $console)"
	rc=1
fi
: > "$logdir/chaos.log"
chaos "${CHAOS_CHECK_SECONDS:-60}" 1
# Last: it changes the autostart's stub for good.
timeout 300 python3 "$here/security.py" "$HARD_PORT" $((HARD_PORT + 1)) "$guest_dir" "$BUILD" || rc=1
# The stub must have survived it all.
if grep -qE 'a64stub (killed by signal|exited)|AddressSanitizer|runtime error' "$console"; then
	echo "FAIL hardening/stub-alive (see $console)"
	grep -E 'a64stub (killed|exited)|Sanitizer|runtime error' "$console" | head -5 | sed 's/^/    /'
	rc=1
else
	echo "PASS hardening/stub-alive (no crash, no sanitizer report on the console)"
fi
cp "$console" "$logdir/console.log"
exit $rc
