/*
 * The same program as syscall_entry.c: write(77, msg, 13) issued by an
 * inline svc with x7 = MAGIC into a pipe dup2()ed to fd 77; the x7 the
 * program sees after the svc is stored by the same asm statement.
 */
#include <unistd.h>

#define MAGIC 0x7777777777777777UL

static const char msg[] = "hello, world\n";	/* 13 bytes */
int pipefd[2];
long result;
unsigned long x7_after;

__attribute__((noinline)) void issue(void)
{
	register long x0 asm("x0") = 77;
	register const char *x1 asm("x1") = msg;
	register long x2 asm("x2") = 13;
	register unsigned long x7 asm("x7") = MAGIC;
	register long x8 asm("x8") = 64;	/* __NR_write */

	asm volatile("svc #0\n\tstr x7, %[x7_after]"
		     : "+r"(x0), [x7_after] "=m"(x7_after)
		     : "r"(x1), "r"(x2), "r"(x7), "r"(x8)
		     : "memory");
	result = x0;
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	if (pipe(pipefd) || dup2(pipefd[1], 77) != 77)
		return 2;
	issue();
	done();
	return 0;
}
