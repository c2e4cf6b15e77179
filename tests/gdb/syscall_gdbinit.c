/*
 * For the gdbinit `syscall-view` test: two write(77, msg, 13) calls into
 * a pipe dup2()ed to fd 77, by an inline svc with x3..x5 and x7 set to
 * values that exercise the view's number format; then a point where x7
 * holds a known value outside any syscall (label x7_set).
 */
#include <unistd.h>

#define MAGIC 0x7777777777777777UL

static const char msg[] = "hello, world\n";	/* 13 bytes */
int pipefd[2];
long result[2];

static long svc_write(long fd, const char *buf, long len)
{
	register long x0 asm("x0") = fd;
	register const char *x1 asm("x1") = buf;
	register long x2 asm("x2") = len;
	register unsigned long x3 asm("x3") = 0xffffffffUL;
	register unsigned long x4 asm("x4") = 0x100000000UL;
	register long x5 asm("x5") = -1;
	register unsigned long x7 asm("x7") = MAGIC;
	register long x8 asm("x8") = 64;	/* __NR_write */

	asm volatile("svc #0"
		     : "+r"(x0)
		     : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), "r"(x7),
		       "r"(x8)
		     : "memory");
	return x0;
}

int main(void)
{
	if (pipe(pipefd) || dup2(pipefd[1], 77) != 77)
		return 2;
	result[0] = svc_write(77, msg, 13);
	result[1] = svc_write(77, msg, 13);
	asm volatile("mov x7, %0\n\t"
		     ".globl x7_set\n"
		     "x7_set:\n\t"
		     "nop"
		     : : "r"(0x123456789abcdef0UL) : "x7");
	return 0;
}
