// SPDX-License-Identifier: MIT
/*
 * Two threads with different SVE vector lengths: the main thread 256
 * bits, the second 128 bits (prctl sets the calling thread's).  Each
 * fills z0 and stops without a syscall in between (main spins on a flag,
 * the second, once main has filled its z0, stops at a breakpoint), so
 * both have live SVE state when
 * GDB looks; GDB writes a lane in each and the threads store z0.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/prctl.h>

uint32_t main_out[8], thr_out[8];
volatile int ready, go;
int main_vl, thr_vl;

static void *thread_fn(void *arg)
{
	(void)arg;
	thr_vl = prctl(PR_SVE_SET_VL, 16);
	while (!ready)	/* main has filled its z0 */
		;
	asm volatile(
		"mov	w9, #100\n"
		"index	z0.s, w9, #1\n"	/* 100 ... 103 */
		".globl	thr_stop\n"
		"thr_stop:\n"
		"nop\n"
		"ptrue	p6.s\n"
		"st1w	{z0.s}, p6, [%0]\n"
		:
		: "r"(thr_out)
		: "x9", "memory", "z0", "p6");
	go = 1;
	return NULL;
}

void stored(void)
{
}

int main(void)
{
	pthread_t t;

	main_vl = prctl(PR_SVE_SET_VL, 32);
	pthread_create(&t, NULL, thread_fn, NULL);
	asm volatile(
		"index	z0.s, #1, #1\n"		/* 1 ... 8 */
		"mov	w9, #1\n"
		"str	w9, [%2]\n"		/* ready = 1 */
		"1:	ldr	w9, [%1]\n"	/* spin until the thread is done */
		"cbz	w9, 1b\n"
		"ptrue	p6.s\n"
		"st1w	{z0.s}, p6, [%0]\n"
		:
		: "r"(main_out), "r"(&go), "r"(&ready)
		: "x9", "memory", "z0", "p6");
	pthread_join(t, NULL);
	stored();
	return 0;
}
