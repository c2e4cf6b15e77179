/* SPDX-License-Identifier: MIT */
/*
 * The "check PID" mode of the test programs that GDB leaves running
 * (attach_basic, detach): a second run of the program waits for the first
 * to end (pidfd, no sleeping), keeps its result file's contents in seen[]
 * and calls checked(), where the GDB script stops and reads seen[] and
 * wait_result.
 */
#ifndef A64STUB_TEST_CHECK_MODE_H
#define A64STUB_TEST_CHECK_MODE_H

#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

char seen[64];
int wait_result = -1;		/* 0 if PID ended, else 1 */

__attribute__((noinline)) void checked(void)
{
	__asm__ volatile("" ::: "memory");
}

static int wait_gone(int pid)
{
	struct pollfd p = { .events = POLLIN };
	int fd = (int)syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0)
		return 0;	/* already reaped: gone */
	p.fd = fd;
	/* A watchdog, not a synchronisation: 20 s is far beyond need. */
	if (poll(&p, 1, 20000) != 1)
		return 1;
	close(fd);
	return 0;
}

/* Returns: true if the arguments asked for the check mode (it is done). */
static bool check_mode(int argc, char **argv, const char *result_file)
{
	FILE *f;

	if (argc != 3 || strcmp(argv[1], "check"))
		return false;
	wait_result = wait_gone(atoi(argv[2]));
	f = fopen(result_file, "r");
	if (f) {
		if (!fgets(seen, sizeof(seen), f))
			seen[0] = '\0';
		fclose(f);
	}
	checked();
	return true;
}

#endif
