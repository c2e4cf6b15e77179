/*
 * A syscall in a thread that is not the main one: the worker records its
 * tid, then makes getppid by svc with x0 = ARG0 and x7 = MAGIC7 (getppid
 * ignores both), and keeps the x7 it has after the call in x7_after.
 * The main thread meanwhile waits in pthread_join (futex).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>

#define ARG0	0x1234
#define MAGIC7	0x7171717171717171UL

long worker_tid;
long ppid_ret;
unsigned long x7_after;

__attribute__((noinline)) void done(void)
{
	__asm__ volatile("" ::: "memory");
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "sc-worker");
	worker_tid = gettid();
	register long x0 __asm__("x0") = ARG0;
	register unsigned long x7 __asm__("x7") = MAGIC7;

	__asm__ volatile("mov x8, #173\n\t"	/* __NR_getppid */
			 "svc #0"
			 : "+r"(x0), "+r"(x7) : : "x8", "memory");
	ppid_ret = x0;
	x7_after = x7;
	return NULL;
}

int main(void)
{
	pthread_t th;

	if (pthread_create(&th, NULL, worker, NULL))
		return 2;
	pthread_join(th, NULL);
	done();
	return ppid_ret == getppid() && x7_after == MAGIC7 ? 0 : 1;
}
