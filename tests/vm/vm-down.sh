#!/bin/bash
# Stop the guest (or native stub) started by vm-up.sh on $VM_PORT and
# remove its state; its console log is kept as $BUILD/vm/$VM_PORT.last-console.log.
# Succeeds when nothing runs there.
set -euo pipefail

BUILD=${BUILD:-build}
VM_PORT=${VM_PORT:-1234}
[[ $VM_PORT =~ ^[0-9]+$ ]] || { echo "vm-down: VM_PORT='$VM_PORT' is not a port number" >&2; exit 1; }
state=$BUILD/vm/$VM_PORT

if [ ! -d "$state" ]; then
	echo "vm-down: no guest on port $VM_PORT"
	exit 0
fi

# running PID: the process exists and is not a zombie (a daemonized qemu is
# reaped by whatever pid 1 is, which may take its time).
running() {
	kill -0 "$1" 2>/dev/null || return 1
	local st
	st=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 0
	[ "$st" != Z ]
}

# stop PIDFILE: SIGTERM the process if it is still the one we started
# (its name is in PIDFILE.comm), wait for it, SIGKILL after 10 s.
stop() {
	local pid comm i
	pid=$(cat "$1" 2>/dev/null) || return 0
	[[ $pid =~ ^[0-9]+$ ]] || return 0
	comm=$(cat "$1.comm" 2>/dev/null) || comm=
	[ -z "$comm" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ] || return 0
	# Its process group too where it leads one (native stub, autostart).
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 100; i++)); do
		running "$pid" || return 0
		sleep 0.1
	done
	echo "vm-down: pid $pid ignored SIGTERM, killing it" >&2
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		running "$pid" || return 0
		sleep 0.1
	done
}

stop "$state/pid"
[ ! -f "$state/autostart.pid" ] || stop "$state/autostart.pid"
[ ! -f "$state/console.log" ] || mv -f "$state/console.log" "$BUILD/vm/$VM_PORT.last-console.log"
rm -rf "$state"
echo "vm-down: guest on port $VM_PORT stopped"
