/*
 * Five syscalls, each issued by an inline svc with its own x7, which the
 * program stores right after the svc (in the same asm statement) into
 * seen[]: GDB changes x7 at some of their syscall stops.  Three of them
 * write one byte each into a pipe; at the end `queued` says how many bytes
 * arrived, so a syscall run twice (or not at all) shows.
 */
#include <sys/ioctl.h>
#include <unistd.h>

#define NR_WRITE	64
#define NR_GETPPID	173

int pipefd[2];
long ret[5];
unsigned long seen[5];
unsigned long last_x7;
int queued;

#include "svc3.h"

__attribute__((noinline)) void step(int i, long nr, unsigned long magic)
{
	ret[i] = svc3(nr, pipefd[1], (long)"abcde" + i, 1, magic);
	seen[i] = last_x7;
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	if (pipe(pipefd))
		return 2;
	step(0, NR_WRITE, 0x1111111111111111UL);
	step(1, NR_GETPPID, 0x2222222222222222UL);
	step(2, NR_GETPPID, 0x3333333333333333UL);
	step(3, NR_WRITE, 0x4444444444444444UL);
	step(4, NR_WRITE, 0x5555555555555555UL);
	if (ioctl(pipefd[0], FIONREAD, &queued))
		queued = -1;
	done();
	return 0;
}
