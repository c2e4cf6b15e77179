// SPDX-License-Identifier: MIT
/*
 * SVE registers at syscall stops.  The kernel keeps only the FP/SIMD part
 * of the vector state across a syscall (the low 128 bits of each Z; P and
 * FFR are zeroed): Documentation/arm64/sve.rst, "System call behaviour".
 * The program fills z0, z1 and p0, makes getppid() with its own svc, and
 * stores them after it; GDB checks at the entry and return stops that it
 * shows what the program then finds, and writes lanes that must reach it.
 */
#include <stdint.h>
#include <sys/prctl.h>

#define VL 32	/* bytes */

uint32_t z0_out[VL / 4], z1_out[VL / 4];
uint8_t p0_out[VL / 8];
long ppid;

void stored(void)
{
}

int main(void)
{
	prctl(PR_SVE_SET_VL, VL);
	asm volatile(
		"index	z0.s, #1, #1\n"		/* z0.s = 1 ... 8 */
		"mov	w9, #20\n"
		"index	z1.s, w9, #1\n"	/* z1.s = 20 ... 27 */
		"ptrue	p0.s\n"
		"mov	x8, #173\n"		/* getppid */
		"svc	#0\n"
		"mov	%0, x0\n"
		"ptrue	p6.s\n"
		"st1w	{z0.s}, p6, [%1]\n"
		"st1w	{z1.s}, p6, [%2]\n"
		"str	p0, [%3]\n"
		: "=&r"(ppid)
		: "r"(z0_out), "r"(z1_out), "r"(p0_out)
		: "x0", "x7", "x8", "x9", "memory", "z0", "z1", "p0", "p6");
	stored();
	return 0;
}
