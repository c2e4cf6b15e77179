#!/bin/bash
# Host test of `make install` and the man page (tests/check.sh runs it;
# no guest).  Prints "PASS install/NAME (...)" or "FAIL install/NAME" lines:
#   install/files     make install DESTDIR=tmp PREFIX=/usr puts the stub
#                     (an aarch64 ELF), gdbinit, the XML and the man page
#                     where the README says, with their modes
#   install/man       `man -l` renders the installed page; every option of
#                     `a64stub --help` is in it
#   install/help      the option names of the usage text in stub/main.c
#                     and of the man page's OPTIONS are the same, both ways
#                     (the stub is an aarch64 binary: the host reads its
#                     source, not its output)
#   install/tdesc     gdb-multiarch loads the installed xml/target.xml
#                     with `set tdesc filename`: orig_x0, orig_x7,
#                     syscallno are registers
# Environment: BUILD (build), MAKE (make).
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
fail=0
pass() { echo "PASS install/$1${2:+ ($2)}"; }
bad() { echo "FAIL install/$1"; shift; printf '    %s\n' "$@"; fail=1; }

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
prefix=/usr

# --- install/files
if ! out=$($MAKE -s install BUILD="$BUILD" DESTDIR="$dest" PREFIX="$prefix" 2>&1); then
	bad files "make install failed:" "$(echo "$out" | tail -3)"
else
	missing=()
	want=("bin/a64stub 755" "share/a64stub/gdbinit 644"
	      "share/man/man1/a64stub.1 644")
	for x in xml/*.xml; do
		want+=("share/a64stub/$x 644")
	done
	for w in "${want[@]}"; do
		f=$dest$prefix/${w% *}
		if [ ! -f "$f" ]; then
			missing+=("missing: ${w% *}")
		elif [ "$(stat -c %a "$f")" != "${w#* }" ]; then
			missing+=("${w% *}: mode $(stat -c %a "$f"), want ${w#* }")
		fi
	done
	# ELF, 64-bit, e_machine 183 (EM_AARCH64) at offset 18.
	elf=$(od -An -tx1 -N20 "$dest$prefix/bin/a64stub" 2>/dev/null | tr -d ' \n')
	[[ $elf == 7f454c4602* && ${elf:36:4} == b700 ]] ||
		missing+=("bin/a64stub is not an aarch64 ELF ($elf)")
	if [ ${#missing[@]} -eq 0 ]; then
		pass files "${#want[@]} files"
	else
		bad files "${missing[@]}"
	fi
fi

# Option names: --word[-word...] at the start of a line (after spaces),
# or after ", " (two names on one line).
usage_opts() {
	# The string literal of usage() in stub/main.c, from "Options:" to
	# the blank line after them.
	sed -n '/^static void usage/,/^}/p' stub/main.c |
		sed -n 's/^[[:space:]]*"\(.*\)"[,;)]*[[:space:]]*\(f);\)\{0,1\}$/\1/p' |
		sed 's/\\n$//' | sed -n '/^Options:/,/^$/p' |
		grep -oE '^ +--[a-z-]+(, --[a-z-]+)*' | grep -oE -- '--[a-z-]+' | sort -u
}
man_opts() {
	# The OPTIONS section of the rendered page: its tagged lines.
	man -l "$1" 2>/dev/null | col -b | sed -n '/^OPTIONS/,/^[A-Z]/p' |
		grep -E '^ {7}--' | grep -oE -- '--[a-z-]+' | sort -u
}
page=$dest$prefix/share/man/man1/a64stub.1
[ -f "$page" ] || page=docs/a64stub.1
uo=$(usage_opts)
rendered=$(man -l "$page" 2>&1 | col -b)

# --- install/man
if ! command -v man >/dev/null || ! command -v col >/dev/null; then
	bad man "man or col is missing (make deps: man-db, bsdextrautils)"
elif ! echo "$rendered" | grep -q '^NAME'; then
	bad man "man -l $page rendered no NAME section:" "$(echo "$rendered" | head -3)"
else
	absent=()
	for o in $uo; do
		echo "$rendered" | grep -qe "$o" || absent+=("$o is not in the page")
	done
	if [ -z "$uo" ]; then
		bad man "no options found in the usage text of stub/main.c"
	elif [ ${#absent[@]} -eq 0 ]; then
		pass man "$(echo $uo | wc -w) options rendered"
	else
		bad man "${absent[@]}"
	fi
fi

# --- install/help
mo=$(man_opts "$page")
only_usage=$(comm -23 <(echo "$uo") <(echo "$mo"))
only_man=$(comm -13 <(echo "$uo") <(echo "$mo"))
if [ -n "$uo" ] && [ -z "$only_usage$only_man" ]; then
	pass help "--help and the man page list the same $(echo $uo | wc -w) options"
else
	bad help "only in --help (stub/main.c): ${only_usage:-none}" \
		"only in the man page's OPTIONS: ${only_man:-none}"
fi

# --- install/tdesc
regs=$(gdb-multiarch -nx -batch -ex 'set architecture aarch64' \
	-ex "set tdesc filename $dest$prefix/share/a64stub/xml/target.xml" \
	-ex 'maint print registers' 2>&1)
absent=()
for r in orig_x0 orig_x7 syscallno x7 pc; do
	echo "$regs" | grep -qE "^ $r " || absent+=("$r is not a register")
done
if [ ${#absent[@]} -eq 0 ]; then
	pass tdesc "set tdesc filename: orig_x0, orig_x7, syscallno"
else
	bad tdesc "${absent[@]}" "$(echo "$regs" | grep -iE 'warning|error' | head -3)"
fi
exit $fail
