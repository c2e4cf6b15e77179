// SPDX-License-Identifier: MIT
/*
 * SVE registers at a breakpoint (QEMU's max CPU).  The program sets its
 * vector length to 256 bits, fills z0-z3, p0-p4 and FFR with known
 * values and stops at sve_stop1; GDB checks them and writes a Z lane, a
 * P register and a V register; the program then stores every one of
 * them and GDB reads the stores back: each write reached the program
 * and every other lane and predicate is as the program left it.
 *
 * Then, after a syscall (the kernel drops the SVE-only state), the task
 * has only FP/SIMD state; a V write at sve_stop2 reaches the program's
 * NEON view and leaves it without SVE state.
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

#define VL 32	/* bytes: vg is 4 */

uint32_t z0_out[VL / 4], z1_out[VL / 4], z3_out[VL / 4];
uint8_t p1_out[VL / 8], p4_out[VL / 8], ffr_out[VL / 8];
uint32_t v7_out[4];
int vl_set;

static void fill_stop_store(void)
{
	asm volatile(
		"index	z0.s, #1, #1\n"		/* z0.s = 1, 2, ..., 8 */
		"index	z1.d, #10, #1\n"	/* z1.d = 10, 11, 12, 13 */
		"mov	w9, #0x300\n"
		"index	z3.s, w9, #1\n"		/* z3.s = 0x300 ... 0x307 */
		"ptrue	p0.s\n"
		"ptrue	p1.s, vl3\n"		/* s lanes 0-2: bytes 11 01 00 00 */
		"ptrue	p2.h, vl2\n"		/* h lanes 0-1: bytes 05 00 00 00 */
		"wrffr	p2.b\n"
		"pfalse	p4.b\n"
		".globl	sve_stop1\n"
		"sve_stop1:\n"
		"nop\n"
		"st1w	{z0.s}, p0, [%0]\n"
		"st1w	{z1.s}, p0, [%1]\n"
		"st1w	{z3.s}, p0, [%2]\n"
		"str	p1, [%3]\n"
		"str	p4, [%4]\n"
		"rdffr	p5.b\n"
		"str	p5, [%5]\n"
		:
		: "r"(z0_out), "r"(z1_out), "r"(z3_out), "r"(p1_out),
		  "r"(p4_out), "r"(ffr_out)
		: "x9", "memory", "z0", "z1", "z3", "p0", "p1", "p2", "p4", "p5", "ffr");
}

static void neon_stop_store(void)
{
	asm volatile(
		"movi	v7.4s, #7\n"
		".globl	sve_stop2\n"
		"sve_stop2:\n"
		"nop\n"
		"str	q7, [%0]\n"
		:
		: "r"(v7_out)
		: "v7", "memory");
}

void stored(void)
{
}

int main(void)
{
	vl_set = prctl(PR_SVE_SET_VL, VL);
	fill_stop_store();
	stored();
	getppid();	/* a syscall: only FP/SIMD state is left */
	neon_stop_store();
	stored();
	return 0;
}
