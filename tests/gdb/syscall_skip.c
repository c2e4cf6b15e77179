/*
 * Syscalls GDB skips (syscallno := -1, x0 := the result): a one-byte write
 * into a pipe, a getppid, then a getpid turned into a getppid by changing
 * its number.  The results and the x7 each svc leaves are stored right
 * after it; `queued` says how many bytes reached the pipe.
 */
#include <sys/ioctl.h>
#include <unistd.h>

#define NR_WRITE	64
#define NR_GETPID	172
#define NR_GETPPID	173

int pipefd[2];
long ret[4];
unsigned long seen[4];
unsigned long last_x7;
long real_ppid;
int queued;

#include "svc3.h"

__attribute__((noinline)) void step(int i, long nr, unsigned long magic)
{
	ret[i] = svc3(nr, pipefd[1], (long)"x", 1, magic);
	seen[i] = last_x7;
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	if (pipe(pipefd))
		return 2;
	step(0, NR_WRITE, 0x1010101010101010UL);
	step(1, NR_GETPPID, 0x2020202020202020UL);
	step(2, NR_GETPID, 0x3030303030303030UL);
	step(3, NR_WRITE, 0x4040404040404040UL);
	real_ppid = getppid();
	if (ioctl(pipefd[0], FIONREAD, &queued))
		queued = -1;
	done();
	return 0;
}
