/*
 * The program re-executes itself with an argument, by an inline svc with
 * x7 = EMAGIC.  The new image (argc 2) starts with x7 = 0, then writes one
 * byte into a pipe by an svc with x7 = CMAGIC and stores the x7 it sees
 * after the svc.
 */
#include <unistd.h>

#define NR_WRITE	64
#define NR_EXECVE	221
#define EMAGIC		0x0e0e0e0e0e0e0e0eUL
#define CMAGIC		0x0c0c0c0c0c0c0c0cUL

extern char **environ;
int pipefd[2];
int is_child;
long exec_ret, write_ret;
unsigned long last_x7;

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

__attribute__((noinline)) void done(void)
{
}

int main(int argc, char **argv)
{
	char *args[] = { argv[0], "child", NULL };

	if (argc > 1) {
		is_child = 1;
		if (pipe(pipefd))
			return 2;
		write_ret = svc3(NR_WRITE, pipefd[1], (long)"x", 1, CMAGIC);
		done();
		return 0;
	}
	/* Only returns if the exec failed. */
	exec_ret = svc3(NR_EXECVE, (long)argv[0], (long)args, (long)environ,
			EMAGIC);
	return 3;
}
