#!/bin/bash
# make demo: boot a guest running a64stub, run the scripted GDB session of
# demo/demo.gdb against demo/hello.c in it, show the program's own output,
# stop the guest (always, also on failure or ^C), then print how to do the
# same by hand.  Called by demo/demo.mk, which has built the stub, the demo
# program and the initramfs.
#
# Environment: BUILD (build), DEMO_PORT (1260), VM_KERNEL (stock), VM_CPU
# (cortex-a57), NATIVE,
# MAKE (make), DEMO_TIMEOUT (GDB session limit in s, 120).
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
DEMO_PORT=${DEMO_PORT:-1260}
VM_KERNEL=${VM_KERNEL:-stock}
VM_CPU=${VM_CPU:-cortex-a57}
NATIVE=${NATIVE:-}
MAKE=${MAKE:-make}
extra=$BUILD/demo/extra
prog=$extra/hello
sysroot=$BUILD/demo/sysroot
out=$BUILD/demo/session.log
console=$BUILD/vm/$DEMO_PORT/console.log

ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { local d=$(( $(ms) - $1 )); printf '%d.%d s' $((d / 1000)) $((d % 1000 / 100)); }
t_all=$(ms)
heading() { printf '\n=== %s\n' "$*"; }

[ -x "$prog" ] || { echo "demo: no $prog (run it with 'make demo')" >&2; exit 1; }
command -v gdb-multiarch >/dev/null || { echo "demo: gdb-multiarch not found (make deps)" >&2; exit 1; }
# An empty sysroot: GDB must not load host libraries for the arm64 program.
rm -rf "$sysroot" && mkdir -p "$sysroot"
if [ "$NATIVE" = 1 ]; then
	guest_prog=$(cd "$extra" && pwd)/hello
else
	guest_prog=/extra/hello
fi
vmargs=(VM_PORT="$DEMO_PORT" VM_KERNEL="$VM_KERNEL" VM_CPU="$VM_CPU" BUILD="$BUILD")

up=
down() {
	[ -n "$up" ] || return 0
	up=
	$MAKE -s vm-down "${vmargs[@]}"
}
trap 'down' EXIT
trap 'echo; echo "demo: interrupted"; exit 130' INT TERM

heading "1/4 boot the $VM_KERNEL kernel guest ($VM_CPU): a64stub --multi on 127.0.0.1:$DEMO_PORT, $extra as /extra"
t=$(ms)
up=1
if ! $MAKE -s vm-up "${vmargs[@]}" VM_EXTRA="$extra"; then
	up=
	echo "demo: FAILED: the guest did not come up (is port $DEMO_PORT taken? try DEMO_PORT=...)"
	exit 1
fi
echo "    boot took $(secs "$t")"

heading "2/4 the GDB session (demo/demo.gdb; commands shown as '(gdb) ...')"
t=$(ms)
DEMO_PORT=$DEMO_PORT DEMO_SYSROOT=$sysroot DEMO_PROG=$prog DEMO_GUEST_PROG=$guest_prog \
timeout -k 5 "${DEMO_TIMEOUT:-120}" gdb-multiarch -nx -batch \
	-ex 'set confirm off' -ex 'set pagination off' -ex 'set width 0' \
	-x demo/demo.gdb </dev/null 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
echo "    session took $(secs "$t") (log: $out)"

heading "3/4 what the program printed (guest console)"
# The inferior's stdout is the stub's: the guest console.
grep -E '^(hello from the guest|demo: )' "$console" 2>/dev/null | sed 's/^/    /'

heading "4/4 stop the guest"
t=$(ms)
down
echo "    shutdown took $(secs "$t")"

# The session must show what the demo is about.
missing=
for want in 'syscall write (64) entry' 'syscall write (64) return' \
	'x7 (real)    = 0x7777777777777777' 'result       = 0x15 (21)' \
	'result       = -9 (EBADF: Bad file descriptor)' 'exited normally'; do
	grep -qF -- "$want" "$out" || missing+="    missing: $want"$'\n'
done
echo
if [ "$rc" -ne 0 ] || [ -n "$missing" ]; then
	[ "$rc" -eq 124 ] && echo "demo: the GDB session timed out"
	echo "demo: FAILED (gdb exit $rc) after $(secs "$t_all")"
	printf '%s' "$missing"
	exit 1
fi
echo "demo: OK in $(secs "$t_all")"

# Extra make arguments the reader needs to repeat.
mkargs=
[ "$BUILD" = build ] || mkargs+=" BUILD=$BUILD"
[ "$VM_KERNEL" = stock ] || mkargs+=" VM_KERNEL=$VM_KERNEL"
[ "$VM_CPU" = cortex-a57 ] || mkargs+=" VM_CPU=$VM_CPU"
cat <<EOT

=== Do it yourself
    make vm-up VM_PORT=$DEMO_PORT VM_EXTRA=$extra$mkargs
    gdb-multiarch -q -ex 'set startup-with-shell off' -ex 'set sysroot $sysroot' \\
        -ex 'source gdbinit' -ex 'file $prog' \\
        -ex 'target extended-remote 127.0.0.1:$DEMO_PORT' -ex 'set remote exec-file $guest_prog'
      (gdb) break main
      (gdb) run
      (gdb) catch syscall write
      (gdb) continue
      (gdb) info registers x0 x7 orig_x0 orig_x7 syscallno
      (gdb) syscall-view                 (short: sv; 'syscall-view-on-stop on' for every stop)
      (gdb) continue
      (gdb) sv
      (gdb) quit
    make vm-down VM_PORT=$DEMO_PORT$mkargs
EOT
