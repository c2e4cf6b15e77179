// SPDX-License-Identifier: MIT
/* stub/envlist.c: GDB's environment edits (QEnvironment*) on the stub's own. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "envlist.h"
#include "tap.h"

int main(void)
{
	static char *const own[] = { "PATH=/bin", "HOME=/root", "TERM=vt100", NULL };
	struct envlist e = { 0 };
	struct tap t = { 0 };

	tap_int(&t, env_reset(&e, own), 0, "reset to the stub's environment");
	tap_int(&t, (long long)e.n, 3, "three variables");
	tap_ok(&t, e.v[3] == NULL, "the array ends in NULL");
	tap_int(&t, env_set(&e, "FOO=bar=baz"), 0, "set FOO");
	tap_str(&t, env_get(&e, "FOO"), "bar=baz", "FOO's value keeps its '='");
	tap_int(&t, env_set(&e, "HOME=/tmp"), 0, "set HOME again");
	tap_str(&t, env_get(&e, "HOME"), "/tmp", "HOME replaced");
	tap_int(&t, (long long)e.n, 4, "replacing adds no entry");
	tap_int(&t, env_set(&e, "EMPTY="), 0, "an empty value is a value");
	tap_str(&t, env_get(&e, "EMPTY"), "", "EMPTY is set, empty");
	tap_int(&t, env_set(&e, "NOEQUALS"), -EINVAL, "no '=': refused");
	tap_int(&t, env_set(&e, "=x"), -EINVAL, "no name: refused");
	tap_int(&t, env_unset(&e, "PATH"), 0, "unset PATH");
	tap_ok(&t, env_get(&e, "PATH") == NULL, "PATH gone");
	tap_str(&t, e.v[0], "HOME=/tmp", "order kept after an unset");
	tap_ok(&t, e.v[e.n] == NULL, "still NULL-terminated");
	tap_int(&t, env_unset(&e, "NOT_THERE"), 0, "unsetting a missing one is fine");
	tap_ok(&t, env_get(&e, "FO") == NULL, "a prefix of a name is not the name");
	tap_int(&t, env_reset(&e, own), 0, "reset again");
	tap_ok(&t, env_get(&e, "FOO") == NULL, "reset drops GDB's sets");
	tap_str(&t, env_get(&e, "PATH"), "/bin", "reset brings back the unset");
	env_free(&e);
	tap_ok(&t, e.v == NULL && e.n == 0, "freed");
	tap_int(&t, env_set(&e, "A=1"), 0, "set before any reset");
	tap_ok(&t, e.n == 1 && e.v[1] == NULL, "one variable");
	env_free(&e);
	return tap_done(&t);
}
