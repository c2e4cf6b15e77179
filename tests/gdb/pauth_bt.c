// SPDX-License-Identifier: MIT
/*
 * Signed return addresses (built with -mbranch-protection=pac-ret): every
 * non-leaf function signs its return address (paciasp) before saving it,
 * so the saved LRs hold a PAC in their top bits.  GDB unwinds through
 * them with the pauth masks.  depth1 -> depth2 -> depth3 from main, then
 * again from a signal handler (the signal raised by main's own svc, so no
 * C library frames sit between).
 */
#include <signal.h>
#include <unistd.h>

volatile int sink;

int depth3(int x)
{
	return x * 2 + 1;	/* L:depth3 */
}

int depth2(int x)
{
	return depth3(x + 1) + 1;
}

int depth1(int x)
{
	return depth2(x + 1) + 1;
}

static void handler(int sig)
{
	sink = depth1(sig);
}

int main(void)
{
	long pid = getpid();

	sink = depth1(10);
	signal(SIGUSR1, handler);
	/* kill(pid, SIGUSR1) from main itself: main is the interrupted frame. */
	asm volatile("mov x0, %0\n"
		     "mov x1, #10\n"
		     "mov x8, #129\n"
		     "svc #0\n"
		     : : "r"(pid) : "x0", "x1", "x8", "memory");
	return sink == 27 ? 0 : 1;
}
