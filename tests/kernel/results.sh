#!/bin/bash
# Results of the seed-ABI selftests (tests/kernel/NAME.c, installed as
# DIR/boot.d/kernel-NAME), one line per selftest:
#   PASS kernel/NAME [KERNEL] (N checks)
#   FAIL kernel/NAME [KERNEL] ...      (then the failing TAP lines, indented)
#   SKIP kernel/NAME [KERNEL] (reason)
#
#   results.sh console LOG KERNEL DIR
#       a guest booted with VM_EXTRA=DIR ran them at boot (init runs
#       /extra/boot.d/* before the stub listens, so they are done once
#       vm-up returns): take their TAP from its console LOG, where init
#       prefixes each line with "boot.d/kernel-NAME: " and ends each
#       program with "a64stub-vm: boot.d/kernel-NAME exited with status N"
#   results.sh native KERNEL DIR
#       aarch64 host (NATIVE=1): run them here, on the host's kernel
# Exit status: 1 if any FAILed.
set -u

mode=${1:?usage: results.sh console LOG KERNEL DIR | native KERNEL DIR}
shift
case $mode in
console) log=$1 kernel=$2 dir=$3 ;;
native)  log= kernel=$1 dir=$2 ;;
*) echo "results.sh: unknown mode $mode" >&2; exit 2 ;;
esac

progs=$(cd "$dir/boot.d" 2>/dev/null && ls kernel-* 2>/dev/null)
if [ -z "$progs" ]; then
	echo "FAIL kernel/selftests [$kernel]: no $dir/boot.d/kernel-* (make kernel-selftest-programs)"
	exit 1
fi

if [ "$mode" = native ]; then
	log=$(mktemp)
	trap 'rm -f "$log"' EXIT
	for p in $progs; do
		(cd "$dir" && timeout 30 "./boot.d/$p" 2>&1) | sed "s|^|boot.d/$p: |" >>"$log"
		echo "a64stub-vm: boot.d/$p exited with status ${PIPESTATUS[0]}" >>"$log"
	done
fi

failed=0
for p in $progs; do
	name=kernel/${p#kernel-}
	tag="$name [$kernel]"
	tap=$(tr -d '\r' <"$log" | sed -n "s|^boot.d/$p: ||p")
	end=$(tr -d '\r' <"$log" | sed -n "s|^a64stub-vm: boot.d/$p \(exited with status [0-9]*\).*|\1|p;s|^a64stub-vm: boot.d/$p \(killed by signal [0-9]*\).*|\1|p" | tail -1)
	if [ -z "$end" ]; then
		echo "FAIL $tag: it did not run to its end (see $log)"
		failed=1
		continue
	fi
	plan=$(echo "$tap" | grep -E '^1\.\.[0-9]+' | head -1)
	if [[ $plan =~ ^1\.\.0[[:space:]]*#[[:space:]]*[Ss][Kk][Ii][Pp][[:space:]]*(.*)$ ]]; then
		echo "SKIP $tag (${BASH_REMATCH[1]:-no reason given})"
		continue
	fi
	planned=${plan#1..}
	planned=${planned%% *}
	oks=$(echo "$tap" | grep -cE '^ok [0-9]+')
	skips=$(echo "$tap" | grep -cE '^ok [0-9]+.*# *[Ss][Kk][Ii][Pp]')
	bad=$(echo "$tap" | grep -E '^(not ok|Bail out!)')
	if [ -n "$plan" ] && [ -z "$bad" ] && [ "$oks" -eq "$planned" ] &&
	   [ "$end" = "exited with status 0" ]; then
		if [ "$skips" -eq "$planned" ]; then
			reason=$(echo "$tap" | sed -n 's/^ok [0-9]*.*# *[Ss][Kk][Ii][Pp] *//p' | head -1)
			echo "SKIP $tag (${reason:-all checks skipped})"
		else
			echo "PASS $tag ($oks checks${skips:+, $skips skipped})" | sed 's/, 0 skipped//'
		fi
		continue
	fi
	echo "FAIL $tag ($oks of ${planned:-?} ok, $end)"
	{ [ -n "$bad" ] && echo "$bad"; [ -n "$plan" ] || echo "(no TAP plan)"; } |
		head -20 | sed 's/^/    /'
	failed=1
done
exit $failed
