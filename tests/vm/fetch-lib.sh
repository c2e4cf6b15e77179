# Sourced by the scripts that fetch Debian arm64 packages into the cache
# (tests/vm/fetch-kernel.sh, tests/vm/fetch-libc.sh,
# bench/fetch-gdbserver.sh).  The sourcing script sets NAME (for messages)
# and DEST (its folder in the cache), builds its result in $work/out, and
# ends with fetch_install.
CACHE=${A64STUB_CACHE:-$HOME/.cache/a64stub}

die() { echo "$NAME: $*" >&2; exit 1; }

# A fresh $work in the cache (same file system as $DEST), gone at exit.
fetch_begin() {
	command -v apt-get >/dev/null || die "needs apt-get (Debian)"
	mkdir -p "$CACHE"
	work=$(mktemp -d "$CACHE/.$NAME.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	chmod 755 "$work"	# apt-get download's _apt sandbox wants to write here
}

# apt-get download PKG... into $work (as root, without apt's sandbox user).
apt_download() {
	local sandbox=()

	echo "$NAME: downloading $*"
	[ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
	(cd "$work" && apt-get download -q "${sandbox[@]}" "$@")
}

# Replace $DEST with $work/out in one move.
fetch_install() {
	rm -rf "$DEST"
	mv "$work/out" "$DEST"
}
