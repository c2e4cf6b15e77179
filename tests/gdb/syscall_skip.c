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

static long svc3(long nr, long a0, long a1, long a2, unsigned long magic)
{
	register long x0 asm("x0") = a0;
	register long x1 asm("x1") = a1;
	register long x2 asm("x2") = a2;
	register unsigned long x7 asm("x7") = magic;
	register long x8 asm("x8") = nr;

	asm volatile("svc #0\n\tstr x7, %[out]"
		     : "+r"(x0), [out] "=m"(last_x7)
		     : "r"(x1), "r"(x2), "r"(x7), "r"(x8)
		     : "memory");
	return x0;
}

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
