/*
 * detach.  Without arguments: stop in mark(), and once GDB has detached,
 * call mark() again (its breakpoint must be gone) and write
 * "done <pid> <token>" to DETACH_FILE, where token is what GDB set.
 * With "check PID": wait for process PID to end (pidfd, no sleeping) and
 * keep DETACH_FILE's contents in seen[] for GDB to look at.
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define DETACH_FILE "/tmp/a64stub-detach-test"

int my_pid;
int token = 1;			/* GDB sets it before detaching */
int marks;
char seen[64];
int wait_result = -1;		/* check: 0 if PID ended, else errno */

__attribute__((noinline)) void mark(void)
{
	marks++;
}

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

int main(int argc, char **argv)
{
	FILE *f;

	my_pid = getpid();
	if (argc == 3 && !strcmp(argv[1], "check")) {
		wait_result = wait_gone(atoi(argv[2]));
		f = fopen(DETACH_FILE, "r");
		if (f) {
			if (!fgets(seen, sizeof(seen), f))
				seen[0] = '\0';
			fclose(f);
		}
		checked();
		return 0;
	}
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
