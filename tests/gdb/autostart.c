// SPDX-License-Identifier: MIT
/*
 * Guest autostart for the test suite: plain (non --multi) stubs on port
 * 1235, each with a program on its command line, as `gdbserver :1235 PROG
 * ARGS` would be run.
 *
 *  1. `a64stub :1235 remote_cmdline "first arg" 2`, once, for the
 *     `target remote` test (tests/gdb/remote_cmdline.gdb);
 *  2. when that stub has ended (its program is gone), `a64stub :1235
 *     clients_prog`, started again each time it ends (at most
 *     RESPAWN_MAX times), for the client tests (tests/clients/: LLDB and
 *     VS Code connect to a stub that already runs the program).
 *
 * A client test that finds remote_cmdline still there kills it with `k`
 * to move on to 2 (tests/clients/lib.py, plain_stub()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define RESPAWN_MAX	100

/* Run the stub with PROG and its arguments; wait for it to end. */
static int run_stub(const char *comm, const char *prog, const char *arg1,
		    const char *arg2)
{
	const char *stub = getenv("A64STUB") ? getenv("A64STUB") : "/bin/a64stub";
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl(stub, "a64stub", comm, prog, arg1, arg2, (char *)NULL);
		perror("autostart: exec a64stub");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	/* 127: no stub to run (natively: A64STUB unset); stop trying. */
	return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -1 : 0;
}

int main(void)
{
	const char *dir = getenv("GUEST_EXTRA") ? getenv("GUEST_EXTRA") : "/extra";
	const char *port = getenv("STUB_PORT2") ? getenv("STUB_PORT2") : "1235";
	char prog[4096], comm[32];

	snprintf(comm, sizeof(comm), ":%s", port);
	snprintf(prog, sizeof(prog), "%s/remote_cmdline", dir);
	if (run_stub(comm, prog, "first arg", "2"))
		return 1;
	snprintf(prog, sizeof(prog), "%s/clients_prog", dir);
	for (int i = 0; i < RESPAWN_MAX; i++)
		if (run_stub(comm, prog, NULL, NULL))
			return 1;
	return 0;
}
