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
