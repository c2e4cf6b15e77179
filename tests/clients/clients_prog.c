// SPDX-License-Identifier: MIT
/*
 * The program the client tests (tests/clients/) debug: a write(2) issued
 * by a raw `svc #0` with x7 = 0x7777777777777777, so that the syscall
 * entry stop shows x7 = 0 (the kernel's marker) and orig_x7 = the real x7,
 * then a few plain lines to break on and step over.
 *
 * Exits with 42 if x7 survived the syscall and add() ran, 1 otherwise.
 */
#include <sys/syscall.h>

#define X7_MAGIC 0x7777777777777777UL

volatile long counter;

/* write(fd, buf, len) by hand; returns x0, *x7_after = x7 after the svc. */
static long raw_write(long fd, const char *buf, unsigned long len,
		      unsigned long *x7_after)
{
	register long x0 __asm__("x0") = fd;
	register const char *x1 __asm__("x1") = buf;
	register unsigned long x2 __asm__("x2") = len;
	register unsigned long x7 __asm__("x7") = X7_MAGIC;
	register long x8 __asm__("x8") = __NR_write;

	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x7)
			 : "r"(x1), "r"(x2), "r"(x8)
			 : "memory");
	*x7_after = x7;		/* L:after_svc */
	return x0;
}

/* A function to break in and step through. */
long add(long a, long b)
{
	long sum = a + b;	/* L:add_sum */

	counter += sum;		/* L:add_counter */
	return sum;		/* L:add_return */
}

int main(void)
{
	unsigned long x7;
	long r, s;

	r = raw_write(1, "clients: hello\n", 15, &x7);	/* L:main_write */
	s = add(40, 2);		/* L:call_add */
	return (x7 == X7_MAGIC && r == 15 && s == 42) ? 42 : 1;
}
