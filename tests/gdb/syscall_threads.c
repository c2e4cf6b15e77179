/*
 * A thread that makes syscalls all the time while another thread stops at
 * breakpoints.  The spinner keeps x7 = BMAGIC and loops on getppid by svc
 * until `stop_b` is set or x7 changes, then stores its x7 in b_x7_final.
 * With syscalls being caught (write), the spinner is often parked at an
 * uncaught syscall stop when the main thread hits its breakpoint.
 * Then the spinner spins in user mode without syscalls until stop_spin is
 * set, while the main thread stops at after_write(): stopping every
 * thread must stop the spinner there too.
 */
#include <pthread.h>
#include <sched.h>

#define BMAGIC	0x6b6b6b6b6b6b6b6bUL

volatile int started, stop_b, stop_spin;
volatile unsigned long b_x7_final;
long spinner_tid;

static void *spinner(void *arg)
{
	(void)arg;
	started = 1;
	asm volatile("mov x7, %[m]\n"
		     "1:\tmov x8, #173\n\t"	/* __NR_getppid */
		     "svc #0\n\t"
		     "cmp x7, %[m]\n\t"
		     "b.ne 2f\n\t"
		     "ldr w9, [%[stop]]\n\t"
		     "cbz w9, 1b\n"
		     "2:\tstr x7, [%[out]]"
		     :
		     : [m] "r"(BMAGIC), [stop] "r"(&stop_b),
		       [out] "r"(&b_x7_final)
		     : "x0", "x7", "x8", "x9", "memory", "cc");
	while (!stop_spin)
		;
	return NULL;
}

__attribute__((noinline)) void hit(int i)
{
	(void)i;
}

__attribute__((noinline)) void after_write(void)
{
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	pthread_t th;

	if (pthread_create(&th, NULL, spinner, NULL))
		return 2;
	while (!started)
		sched_yield();
	for (int i = 0; i < 20; i++)
		hit(i);
	stop_b = 1;
	while (!b_x7_final)
		sched_yield();
	after_write();
	stop_spin = 1;
	pthread_join(th, NULL);
	done();
	return 0;
}
