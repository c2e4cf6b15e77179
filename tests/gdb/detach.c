/*
 * detach.  Without arguments: stop in mark(), and once GDB has detached,
 * call mark() again (its breakpoint must be gone) and write
 * "done <pid> <token>" to DETACH_FILE, where token is what GDB set.
 * With "check PID": wait for process PID to end (pidfd, no sleeping) and
 * keep DETACH_FILE's contents in seen[] for GDB to look at.
 */
#include <stdio.h>
#include <unistd.h>

#include "check_mode.h"

#define DETACH_FILE "/tmp/a64stub-detach-test"

int my_pid;
int token = 1;			/* GDB sets it before detaching */
int marks;

__attribute__((noinline)) void mark(void)
{
	marks++;
}

int main(int argc, char **argv)
{
	FILE *f;

	my_pid = getpid();
	if (check_mode(argc, argv, DETACH_FILE))
		return 0;
	unlink(DETACH_FILE);
	mark();
	mark();
	f = fopen(DETACH_FILE, "w");
	if (!f)
		return 1;
	fprintf(f, "done %d %d marks %d", my_pid, token, marks);
	fclose(f);
	return 0;
}
