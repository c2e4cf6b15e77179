#!/bin/bash
# Capture the fuzz seed corpus from real GDB sessions: boot a guest whose
# autostart runs `a64stub --debug --multi :1235`, run GDB tests against
# that stub, and turn its packet log (the console) into fuzz/corpus/ with
# fuzz/corpus.py.  Usage (from the top folder, after make gdb-programs):
#   fuzz/capture.sh [TEST...]
set -eu
BUILD=${BUILD:-build}
PORT=${CAPTURE_PORT:-1800}
MAKE=${MAKE:-make}
tests=${*:-tdesc breakpoints memory registers stepping interrupt exit_code syscall_entry syscall_threads syscall_x7_write syscall_execve syscall_skip}
extra=$BUILD/fuzz/capture-extra
rm -rf "$extra"
mkdir -p "$extra"
cp -a "$BUILD/extra/." "$extra/"
$MAKE -s "$BUILD/hardening/extra/autostart"
cp "$BUILD/hardening/extra/autostart" "$extra/autostart"
printf -- '--debug\n--multi\n:1235\n' > "$extra/autostart.args"
$MAKE -s vm-down VM_PORT=$PORT >/dev/null 2>&1 || true
$MAKE -s vm-up VM_PORT=$PORT VM_FWD2=$((PORT + 1)) VM_EXTRA="$extra"
trap '$MAKE -s vm-down VM_PORT=$PORT >/dev/null 2>&1' EXIT
# The autostart stub listens a moment after the main one.
for _ in $(seq 50); do
	grep -q 'Listening on port 1235' "$BUILD/vm/$PORT/console.log" && break
	sleep 0.2
done
for t in $tests; do
	A64_PORT=$((PORT + 1)) A64_GUEST_DIR=/extra A64_KERNEL=capture \
	BUILD="$BUILD" tests/gdb/run-test.sh "$t" || true
done
cp "$BUILD/vm/$PORT/console.log" "$BUILD/fuzz/capture.log"
python3 fuzz/corpus.py "$BUILD/fuzz/capture.log" fuzz/corpus
