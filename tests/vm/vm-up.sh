#!/bin/bash
# Boot a guest running `a64stub --multi :1234`, forwarded to host
# 127.0.0.1:$VM_PORT, and return once the stub listens. Called by
# `make vm-up` (tests/vm/vm.mk), which builds the stub and initramfs first.
#
# Environment:
#   VM_PORT     host port for the stub (default 1234)
#   VM_EXTRA    host folder to appear as /extra in the guest (optional);
#               an executable VM_EXTRA/autostart runs in the background
#   VM_KERNEL   stock | stock-6.12 | seed, or the aliases stock-6.1 and
#               seed-6.1 (see kernel.sh)
#   VM_CPU      cortex-a57 (default): -M virt -cpu cortex-a57, ARMv8.0;
#               max: -M virt,mte=on -cpu max,pauth-impdef=on, QEMU's
#               newest CPU with SVE, pointer authentication and MTE
#               (pauth-impdef: QEMU's own PAC hash, not the architected
#               QARMA one, which makes TCG about 5 times slower)
#   VM_FWD2     host port forwarded to guest port 1235 (optional)
#   VM_TIMEOUT  seconds to wait for the stub (default 60)
#   VM_SMP, VM_MEM   guest CPUs (2) and memory in MiB (512)
#   BUILD       build folder (default build)
#   NATIVE=1    aarch64 host: run build/a64stub --multi :$VM_PORT here
#
# State lives in $BUILD/vm/$VM_PORT/: pid, console.log, monitor.sock, ...
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-build}
VM_PORT=${VM_PORT:-1234}
VM_EXTRA=${VM_EXTRA:-}
VM_KERNEL=${VM_KERNEL:-stock}
VM_CPU=${VM_CPU:-cortex-a57}
VM_FWD2=${VM_FWD2:-}
VM_TIMEOUT=${VM_TIMEOUT:-60}
VM_SMP=${VM_SMP:-2}
VM_MEM=${VM_MEM:-512}
NATIVE=${NATIVE:-}

die() { echo "vm-up: $*" >&2; exit 1; }

is_port() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]; }
is_port "$VM_PORT" || die "VM_PORT='$VM_PORT' is not a port number"
[ -z "$VM_FWD2" ] || is_port "$VM_FWD2" || die "VM_FWD2='$VM_FWD2' is not a port number"
[ "$VM_FWD2" != "$VM_PORT" ] || die "VM_FWD2 must differ from VM_PORT"
case $VM_CPU in
cortex-a57) machine=(-M virt -cpu cortex-a57) ;;
max)        machine=(-M virt,mte=on -cpu max,pauth-impdef=on) ;;
*)          die "unknown VM_CPU '$VM_CPU' (known: cortex-a57 max)" ;;
esac

mkdir -p "$BUILD/vm"
BUILD=$(cd "$BUILD" && pwd)
state=$BUILD/vm/$VM_PORT
stub=$BUILD/a64stub
[ -x "$stub" ] || die "no $stub: run make"
if [ -n "$VM_EXTRA" ]; then
	[ -d "$VM_EXTRA" ] || die "VM_EXTRA=$VM_EXTRA is not a folder"
	VM_EXTRA=$(cd "$VM_EXTRA" && pwd)
fi

# running PID: the process exists and is not a zombie (a daemonized qemu is
# reaped by whatever pid 1 is, which may take its time).
running() {
	kill -0 "$1" 2>/dev/null || return 1
	local st
	st=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 0
	[ "$st" != Z ]
}

# pid_alive PIDFILE: the process named in PIDFILE runs and is the one we
# started (its name is kept beside it in PIDFILE.comm).
pid_alive() {
	local pid comm
	pid=$(cat "$1" 2>/dev/null) || return 1
	[[ $pid =~ ^[0-9]+$ ]] && running "$pid" || return 1
	comm=$(cat "$1.comm" 2>/dev/null) || return 0
	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ]
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if pid_alive "$state/pid"; then
	die "a guest already runs on port $VM_PORT (pid $(cat "$state/pid")); stop it with 'make vm-down VM_PORT=$VM_PORT'"
fi
for p in $VM_PORT $VM_FWD2; do
	! port_busy "$p" || die "host port 127.0.0.1:$p is already in use"
done
rm -rf "$state"
mkdir -p "$state"
log=$state/console.log
: >"$log"

ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms)

# fail MESSAGE: show the console log tail, stop what runs, keep the log.
fail() {
	echo "vm-up: $1; console log tail:" >&2
	tail -n 40 "$log" | sed 's/^/  | /' >&2
	[ ! -s "$state/qemu.log" ] || sed 's/^/  qemu: /' "$state/qemu.log" >&2
	VM_PORT=$VM_PORT BUILD=$BUILD "$here/vm-down.sh" >/dev/null 2>&1 || true
	echo "vm-up: full log kept in $BUILD/vm/$VM_PORT.last-console.log" >&2
	exit 1
}

# wait_ready PIDFILE MARKER WHAT: poll the console log for MARKER.
wait_ready() {
	local pidfile=$1 marker=$2 what=$3 deadline=$(( $(ms) + VM_TIMEOUT * 1000 ))
	while :; do
		if grep -qF "$marker" "$log"; then
			return 0
		fi
		if ! pid_alive "$pidfile"; then
			fail "$what exited before the stub was ready"
		fi
		if grep -qE 'a64stub-vm: shutdown|Kernel panic' "$log"; then
			fail "the guest failed before the stub was ready"
		fi
		if [ "$(ms)" -gt "$deadline" ]; then
			fail "no '$marker' after ${VM_TIMEOUT}s"
		fi
		sleep 0.1
	done
}

if [ "$NATIVE" = 1 ]; then
	# aarch64 host: no VM, the stub runs here; VM_EXTRA is used in place.
	if [ -n "$VM_EXTRA" ] && [ -f "$VM_EXTRA/autostart" ] && [ -x "$VM_EXTRA/autostart" ]; then
		(cd "$VM_EXTRA" && GUEST_EXTRA=$VM_EXTRA STUB_PORT=$VM_PORT STUB_PORT2=$VM_FWD2 \
			exec setsid ./autostart </dev/null >>"$log" 2>&1) &
		echo $! >"$state/autostart.pid"
	fi
	setsid "$stub" --multi ":$VM_PORT" </dev/null >>"$log" 2>&1 &
	echo $! >"$state/pid"
	echo a64stub >"$state/pid.comm"
	echo "native ${VM_EXTRA:-}" >"$state/info"
	wait_ready "$state/pid" "Listening on port $VM_PORT" "a64stub"
	echo "vm-up: native a64stub on 127.0.0.1:$VM_PORT ready in $(( $(ms) - t0 )) ms (log $log)"
	exit 0
fi

"$here/kernel.sh" ensure "$VM_KERNEL"
image=$("$here/kernel.sh" image "$VM_KERNEL")
base=$BUILD/vm/initrd-$("$here/kernel.sh" id "$VM_KERNEL").cpio.gz
[ -f "$base" ] || die "no $base: use 'make vm-up'"
initrd=$state/initrd.cpio.gz
if [ -n "$VM_EXTRA" ]; then
	"$here/mkinitrd.sh" extra "$initrd" "$base" "$VM_EXTRA"
else
	cp "$base" "$initrd"
fi

fwd=hostfwd=tcp:127.0.0.1:$VM_PORT-:1234
[ -z "$VM_FWD2" ] || fwd+=,hostfwd=tcp:127.0.0.1:$VM_FWD2-:1235

echo "$VM_KERNEL ${VM_EXTRA:-} ${VM_FWD2:-} $VM_CPU" >"$state/info"
# -daemonize: qemu returns once set up (errors such as a taken port show at
# once), then runs detached: no terminal, stdin from /dev/null.
qemu-system-aarch64 \
	"${machine[@]}" -m "$VM_MEM" -smp "$VM_SMP" \
	-display none -no-reboot \
	-kernel "$image" -initrd "$initrd" \
	-append 'console=ttyAMA0 quiet' \
	-netdev "user,id=n0,$fwd" -device virtio-net-device,netdev=n0 \
	-serial "file:$log" \
	-monitor "unix:$state/monitor.sock,server,nowait" \
	-pidfile "$state/pid" -daemonize \
	</dev/null >"$state/qemu.log" 2>&1 ||
	{ cat "$state/qemu.log" >&2; rm -rf "$state"; die "qemu failed to start"; }
cat "/proc/$(cat "$state/pid")/comm" >"$state/pid.comm"

wait_ready "$state/pid" "Listening on port 1234" "qemu"
echo "vm-up: guest ($VM_KERNEL kernel, $VM_CPU) on 127.0.0.1:$VM_PORT${VM_FWD2:+ (+$VM_FWD2->1235)} ready in $(( $(ms) - t0 )) ms (console $log)"
