// SPDX-License-Identifier: MIT
/*
 * Guest autostart for the test suite: a second, plain stub on port 1235
 * with a program on its command line, as `gdbserver :1235 PROG ARGS`
 * would be run, for the `target remote` test (remote_cmdline.gdb).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	const char *dir = getenv("GUEST_EXTRA");
	const char *port = getenv("STUB_PORT2");
	char prog[4096], comm[32];

	snprintf(prog, sizeof(prog), "%s/remote_cmdline", dir ? dir : "/extra");
	snprintf(comm, sizeof(comm), ":%s", port ? port : "1235");
	execl("/bin/a64stub", "a64stub", comm, prog, "first arg", "2", (char *)NULL);
	/* Natively the stub is not in /bin: the harness sets A64STUB. */
	if (getenv("A64STUB"))
		execl(getenv("A64STUB"), "a64stub", comm, prog, "first arg", "2",
		      (char *)NULL);
	perror("autostart: exec a64stub");
	return 1;
}
