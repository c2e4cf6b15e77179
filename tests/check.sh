#!/bin/bash
# make check: the host unit tests, then the GDB suite and the client tests
# against the stub in a guest, once per lane in CHECK_LANES (KERNEL/CPU,
# e.g. "stock-6.1/max"; tests/gdb/gdb.mk), then the hardening, benchmark
# and ASan checks.  One line per test, each GDB and client result naming
# its lane, then "N passed, N failed, N skipped".  Called by the Makefile,
# which has built the stub, the unit tests, the test programs, the kernels
# and the initramfs of every lane.
#
# CHECK_PARTS (default "host lanes hardening bench asan") picks what runs:
# host = the unit tests and the install check; lanes = the GDB suite and
# the client tests per lane; hardening = fuzz-check and hardening-check;
# bench = bench-quick; asan = asan-check.
#
# CHECK_JOBS guests run at once (lanes in parallel); a lane's lines are
# printed together when it is done (with CHECK_JOBS=1 as they come).  Job
# slot N uses host ports CHECK_PORT+2N and CHECK_PORT+2N+1.  An interrupted
# run stops every guest it started.
set -u
BUILD=${BUILD:-build}
CHECK_PORT=${CHECK_PORT:-1250}
CHECK_JOBS=${CHECK_JOBS:-2}
CHECK_LANES=${CHECK_LANES:-stock-6.1/cortex-a57}
CHECK_PARTS=${CHECK_PARTS:-host lanes hardening bench asan}
MAKE=${MAKE:-make}
pass=0 fail=0 skip=0
t0=$(date +%s)

say() { echo "== $* ($(( $(date +%s) - t0 )) s)"; }
count() { if [ "$1" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi; }
words() { echo $# ; }
part() { [[ " $CHECK_PARTS " == *" $1 "* ]]; }

[[ $CHECK_JOBS =~ ^[1-9][0-9]*$ ]] || { echo "check: CHECK_JOBS='$CHECK_JOBS' is not a number" >&2; exit 2; }
nlanes=$(words $CHECK_LANES)
part lanes || nlanes=0
[ "$CHECK_JOBS" -le "$nlanes" ] || CHECK_JOBS=$nlanes
ntests=$(( $(part host && words $UNIT_TESTS || echo 0) + ($(words $GDB_TESTS) + $(words ${KSELFTESTS:-}) + $(words ${CLIENT_TESTS:-})) * nlanes ))
say "make check: $ntests tests, lanes: $CHECK_LANES"
if part host; then
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
fi
# --- end of install ---

# --- the lanes: the GDB suite and the client tests on each KERNEL/CPU ---

# Guests of ours still up at exit (also on ^C or SIGTERM) are stopped;
# so are the lanes still running.
lane_pids=()
slot_port() { echo $((CHECK_PORT + 2 * $1)); }
cleanup() {
	local p s
	# A lane ends its running test at once, or its vm-up when that is
	# done: wait for them before stopping the guests.
	for p in "${lane_pids[@]}"; do
		kill -TERM "$p" 2>/dev/null
	done
	for p in "${lane_pids[@]}"; do
		wait "$p" 2>/dev/null
	done
	for ((s = 0; s < CHECK_JOBS; s++)); do
		p=$(slot_port $s)
		[ ! -d "$BUILD/vm/$p" ] || $MAKE -s vm-down VM_PORT=$p BUILD="$BUILD" >/dev/null 2>&1
	done
}
trap cleanup EXIT
trap 'echo "check: interrupted"; exit 130' INT TERM HUP

# run_lane LANE SLOT: boot LANE's guest on SLOT's ports, run the kernel
# selftests' results, every GDB test and every client test against it,
# stop it.  Prints the result lines; its last line is "counts P F S".
run_lane() {
	local lane=$1 port port2 kernel cpu guest_dir t rc lt0=$(date +%s)
	local lp=0 lf=0 ls=0
	port=$(slot_port "$2")
	port2=$((port + 1))
	kernel=${lane%%/*} cpu=${lane#*/}
	child=
	trap '[ -z "$child" ] || kill -TERM "$child" 2>/dev/null; exit 143' TERM
	lcount() {
		case $1 in
		0)  lp=$((lp + 1)) ;;
		77) ls=$((ls + 1)) ;;
		*)  lf=$((lf + 1)) ;;
		esac
	}
	echo "== lane $lane: booting the guest on port $port"
	$MAKE -s vm-down VM_PORT=$port BUILD="$BUILD" >/dev/null 2>&1
	if [ -n "${NATIVE:-}" ]; then
		vmargs=()
		guest_dir=$(cd "$BUILD/extra" && pwd)
	else
		vmargs=(VM_KERNEL="$kernel" VM_CPU="$cpu")
		guest_dir=/extra
	fi
	# Two guests booting at once on a busy 2-core host can take a minute.
	if ! $MAKE -s vm-up VM_PORT=$port VM_FWD2=$port2 VM_EXTRA="$BUILD/extra" \
		"${vmargs[@]}" VM_TIMEOUT="${VM_TIMEOUT:-180}" BUILD="$BUILD"; then
		echo "FAIL vm-up [$lane]: the guest did not come up"
		echo "counts 0 1 0"
		return
	fi
	# --- seed-ABI kernel selftests (tests/kernel; they ran at boot) ---
	if [ -n "${KSELFTESTS:-}" ]; then
		local kout
		if [ -n "${NATIVE:-}" ]; then
			kout=$(tests/kernel/results.sh native "$lane" "$BUILD/extra")
		else
			kout=$(tests/kernel/results.sh console \
				"$BUILD/vm/$port/console.log" "$lane" "$BUILD/extra")
		fi
		echo "$kout"
		lp=$((lp + $(echo "$kout" | grep -c '^PASS ')))
		lf=$((lf + $(echo "$kout" | grep -c '^FAIL ')))
		ls=$((ls + $(echo "$kout" | grep -c '^SKIP ')))
	fi
	# --- end of the kernel selftests ---
	for t in $GDB_TESTS; do
		A64_PORT=$port A64_PORT2=$port2 A64_GUEST_DIR=$guest_dir \
		A64_KERNEL=$kernel A64_CPU=$cpu BUILD="$BUILD" \
			tests/gdb/run-test.sh "$t" &
		child=$!
		wait $child
		rc=$? child=
		lcount $rc
	done
	# --- client tests (tests/clients): GDB/MI as an IDE drives it, LLDB,
	# two debug adapters (dap-*.js, node), the cppdbg MI replay, against
	# this guest.  After the GDB suite:
	# remote_cmdline uses the second stub first (tests/gdb/autostart.c) ---
	[ -z "${CLIENT_TESTS:-}" ] || echo "== lane $lane: client tests"
	for t in ${CLIENT_TESTS:-}; do
		# dap-*.js (node) drive the debug adapters; the others are python
		run="python3 tests/clients/$t.py"
		[ -e "tests/clients/$t.py" ] || run="node tests/clients/$t.js"
		A64_PORT=$port A64_PORT2=$port2 A64_GUEST_DIR=$guest_dir \
		A64_KERNEL=$kernel A64_CPU=$cpu BUILD="$BUILD" \
			timeout -k 5 "${A64_TIMEOUT:-300}" $run &
		child=$!
		wait $child
		rc=$? child=
		[ $rc -ne 124 ] || echo "FAIL clients/$t [$lane] (timed out)"
		lcount $rc
	done
	# --- end of the client tests ---
	$MAKE -s vm-down VM_PORT=$port BUILD="$BUILD" >/dev/null 2>&1
	echo "== lane $lane done in $(( $(date +%s) - lt0 )) s: $lp passed, $lf failed, $ls skipped"
	echo "counts $lp $lf $ls"
}

# A lane's output goes to $BUILD/test-logs/<lane>/lane.out; the lines
# other than "counts" are shown, its counts added up.
lane_file() { echo "$BUILD/test-logs/${1//\//-}/lane.out"; }
lane_done() {	# lane_done LANE: show (unless streamed) and count its output
	local f c
	f=$(lane_file "$1")
	[ "$CHECK_JOBS" -eq 1 ] || grep -v '^counts ' "$f"
	c=$(grep '^counts ' "$f" | tail -n1)
	if [ -z "$c" ]; then
		echo "FAIL lane $1 (it ended without results; see $f)"
		fail=$((fail + 1))
		return
	fi
	set -- $c
	pass=$((pass + $2)) fail=$((fail + $3)) skip=$((skip + $4))
}

say "lanes: $CHECK_LANES ($CHECK_JOBS at a time)"
# Each lane, when done, writes its index to this FIFO: the loop below reads
# it to start the next one in the freed slot (bash's wait -n misses jobs
# that ended while it was not waiting).
lanes=()
part lanes && lanes=($CHECK_LANES)
mkdir -p "$BUILD/test-logs"
fifo=$BUILD/test-logs/.lanes.$$
rm -f "$fifo" && mkfifo "$fifo" && exec 3<>"$fifo" && rm -f "$fifo"
declare -A slot_of=() tail_of=()
running=0 next=0
while [ $next -lt ${#lanes[@]} ] || [ $running -gt 0 ]; do
	if [ $next -lt ${#lanes[@]} ] && [ $running -lt "$CHECK_JOBS" ]; then
		used=" ${slot_of[*]} " s=0
		while [[ $used == *" $s "* ]]; do s=$((s + 1)); done
		lane=${lanes[$next]}
		f=$(lane_file "$lane")
		mkdir -p "$(dirname "$f")"
		: >"$f"
		# Its own subshell, which says it is done even if it dies.
		(trap 'echo "$next" >&3' EXIT; run_lane "$lane" "$s") >"$f" 2>&1 &
		lane_pids+=($!)
		slot_of[$next]=$s
		if [ "$CHECK_JOBS" -gt 1 ]; then
			say "lane $lane started on port $(slot_port "$s") (its lines follow when it ends)"
		else
			# As they come: follow the file until the lane ends.
			tail -n +1 -f --pid=$! "$f" | grep --line-buffered -v '^counts ' &
			tail_of[$next]=$!
		fi
		next=$((next + 1)) running=$((running + 1))
		continue
	fi
	read -r i <&3 || break
	[ -z "${tail_of[$i]:-}" ] || wait "${tail_of[$i]}"
	unset "slot_of[$i]"
	running=$((running - 1))
	lane_done "${lanes[$i]}"
done
exec 3>&-
lane_pids=()
say "lanes done"
# --- end of the lanes ---

# --- hardening: fuzz targets (fuzz/) on the host, hostile input and faults
# against a guest of its own (tests/hardening); their PASS/FAIL/SKIP lines ---
if part hardening; then
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
fi
# --- end of hardening ---

# --- the benchmark harness, quick (bench/bench.mk): only that it still
# runs and writes its JSON; it asserts nothing about time ---
if part bench; then
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
fi
# --- end of the benchmark harness ---

# --- the GDB suite against an ASan+UBSan build of the stub (tests/asan) ---
if part asan; then
	say "asan-check (the GDB suite against an ASan+UBSan stub)"
	out=$($MAKE -s asan-check BUILD="$BUILD" 2>&1)
	echo "$out" | grep -E '^(PASS|FAIL|SKIP|    )'
	pass=$((pass + $(echo "$out" | grep -c '^PASS ')))
	fail=$((fail + $(echo "$out" | grep -c '^FAIL ')))
	skip=$((skip + $(echo "$out" | grep -c '^SKIP ')))
fi
# --- end of asan ---

say "make check finished"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
