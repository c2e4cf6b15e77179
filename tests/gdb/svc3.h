/* SPDX-License-Identifier: MIT */
/*
 * svc3(): syscall NR with three arguments, issued by an inline `svc #0`
 * with x7 = MAGIC.  The same asm statement stores the x7 the program has
 * right after the svc into last_x7 (each test program defines it), before
 * any compiled code could change the register.  Shared by the syscall_*
 * test programs; a real function (not inline): tests name its frame.
 */
#ifndef A64STUB_TEST_SVC3_H
#define A64STUB_TEST_SVC3_H

extern unsigned long last_x7;

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

#endif
