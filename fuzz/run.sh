#!/bin/bash
# Run the fuzz targets (called by fuzz/fuzz.mk).
#   run.sh long SECONDS    each target SECONDS, growing $BUILD/fuzz/corpus
#   run.sh check SECONDS   the seed corpus (fuzz/corpus) as a regression
#                          test, then SECONDS of fuzzing: make check's part
#   run.sh merge 0         fold what long runs found into fuzz/corpus
# Prints "PASS fuzz/NAME (N executions, 0 crashes ...)", "FAIL ..." with
# the crashing input's path, or "SKIP ..." without clang and libFuzzer.
# Every run's counts go to $BUILD/fuzz/stats.log; the last line totals them.
set -u
mode=$1 secs=$2
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
FUZZ_CC=${FUZZ_CC:-clang}
FUZZ_TARGETS=${FUZZ_TARGETS:-framing packet session}
FUZZ_JOBS=${FUZZ_JOBS:-2}
dir=$BUILD/fuzz
stats=$dir/stats.log

seeds() {	# the seed folder of target $1
	case $1 in
	packet) echo fuzz/corpus/packet ;;
	*) echo fuzz/corpus/session ;;
	esac
}
maxlen() {
	case $1 in
	packet) echo 4096 ;;
	framing) echo 8192 ;;
	*) echo 16384 ;;
	esac
}

probe='int LLVMFuzzerTestOneInput(const char *d, long n) { return d && n; }'
if ! command -v "$FUZZ_CC" >/dev/null ||
   ! echo "$probe" | "$FUZZ_CC" -fsanitize=fuzzer,address,undefined -x c \
	-o /dev/null - >/dev/null 2>&1; then
	for t in $FUZZ_TARGETS; do
		echo "SKIP fuzz/$t ($FUZZ_CC with libFuzzer not found: apt-get install clang)"
	done
	exit 0
fi
if ! out=$($MAKE -s fuzz-build BUILD="$BUILD" 2>&1); then
	echo "$out" | tail -20
	for t in $FUZZ_TARGETS; do
		echo "FAIL fuzz/$t (the fuzz build failed)"
	done
	exit 1
fi

if [ "$mode" = merge ]; then
	for t in $FUZZ_TARGETS; do
		[ -d "$dir/corpus/$t" ] || continue
		"$dir/fuzz_$t" -merge=1 -max_len="$(maxlen "$t")" "$(seeds "$t")" \
			"$dir/corpus/$t" 2>&1 | grep -E 'MERGE-OUTER: [0-9]+ new files'
	done
	exit 0
fi

# One target: regression over the seeds (check), then fuzzing.
run_one() {
	local t=$1 bin=$dir/fuzz_$t log=$dir/log/$t.log work=$dir/corpus/$t
	local arts=$dir/crashes/$t/ runs rc seeds
	seeds=$(seeds "$t")
	mkdir -p "$work" "$arts" "$dir/log"
	: > "$log"
	if [ "$mode" = check ]; then
		# Every seed once; a crash here is a regression.
		if ! "$bin" -runs=0 -artifact_prefix="$arts" "$seeds" >>"$log" 2>&1; then
			echo "FAIL fuzz/$t (a seed input crashes: $(grep -o 'Test unit written to .*' "$log" | head -1); log: $log)"
			echo "$(date +%F.%T) $mode $t 0 0 crash" >> "$stats"
			return 1
		fi
	fi
	"$bin" -max_total_time="$secs" -timeout=10 -max_len="$(maxlen "$t")" \
		-dict=fuzz/packets.dict -artifact_prefix="$arts" \
		-print_final_stats=1 "$work" "$seeds" >>"$log" 2>&1
	rc=$?
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
	runs=${runs:-0}
	if [ $rc -ne 0 ]; then
		echo "$(date +%F.%T) $mode $t $runs $secs crash" >> "$stats"
		echo "FAIL fuzz/$t (crash after $runs executions: $(grep -o 'Test unit written to .*' "$log" | head -1); log: $log)"
		grep -m3 -E 'ERROR|runtime error|fuzz:|fake target' "$log" | sed 's/^/    /'
		return 1
	fi
	echo "$(date +%F.%T) $mode $t $runs $secs ok" >> "$stats"
	echo "PASS fuzz/$t ($runs executions in ${secs} s, 0 crashes, corpus $(ls "$work" | wc -l) files)"
}

rc=0
mkdir -p "$dir/log"
pids=()
for t in $FUZZ_TARGETS; do
	run_one "$t" > "$dir/log/$t.result" &
	pids+=($!)
	# At most FUZZ_JOBS at a time.
	while [ "$(jobs -rp | wc -l)" -ge "$FUZZ_JOBS" ]; do
		wait -n
	done
done
wait
for t in $FUZZ_TARGETS; do
	cat "$dir/log/$t.result"
	grep -q '^FAIL' "$dir/log/$t.result" && rc=1
done
awk '{ n += $4; if ($6 == "crash") c++ } END {
	printf "fuzz: %d executions, %d crashes in all runs recorded in '"$stats"'\n", n, c }' "$stats"
exit $rc
