// SPDX-License-Identifier: MIT
/*
 * The `make demo` program: two write(2) calls issued by a raw `svc #0`
 * with x7 = 0x7777777777777777, so that a syscall stop shows the
 * difference between x7 (the kernel's 0/1 entry/return marker) and
 * orig_x7 (the task's real x7).
 *
 *   1. write(1, "hello from the guest\n", 21)   returns 21
 *   2. write(77, "nobody reads\n", 13)           fd 77 is not open: -EBADF
 *
 * After each svc it checks that x7 still holds its value (the stub must
 * give the real x7 back when the stop ends) and exits with 0 if both did,
 * 1 otherwise.  Its output goes to the guest console.
 */
#include <stdio.h>
#include <sys/syscall.h>

#define X7_MAGIC 0x7777777777777777UL

/* write(fd, buf, len) by hand; *x7_after gets x7 as the svc left it. */
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
	*x7_after = x7;
	return x0;
}

int main(void)
{
	unsigned long x7a, x7b;
	long r1 = raw_write(1, "hello from the guest\n", 21, &x7a);
	long r2 = raw_write(77, "nobody reads\n", 13, &x7b);

	printf("demo: write(1) returned %ld, x7 after svc = %#lx\n", r1, x7a);
	printf("demo: write(77) returned %ld, x7 after svc = %#lx\n", r2, x7b);
	if (x7a != X7_MAGIC || x7b != X7_MAGIC) {
		printf("demo: FAIL: x7 was not kept across the syscall\n");
		return 1;
	}
	printf("demo: x7 kept across both syscalls\n");
	return 0;
}
