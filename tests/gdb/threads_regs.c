/*
 * Named threads, each holding its own value in x19 at a stop.  Worker K
 * (K = 1..3) names itself "worker-K", sets x19 = 0x1900 + K, says it is
 * ready and blocks in a raw read() on its own empty pipe (so frame 0 is
 * the worker itself and x19 stays put).  Once all are ready, main calls
 * all_ready(); after GDB continues, main writes a byte to every pipe and
 * joins the workers, which store what they read in got[].
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

#define NWORKERS 3

int pipes[NWORKERS][2];
volatile int nready;
char got[NWORKERS];

__attribute__((noinline)) void all_ready(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void done(void)
{
	__asm__ volatile("" ::: "memory");
}

static void *worker(void *arg)
{
	long k = (long)arg;
	char name[16];

	snprintf(name, sizeof(name), "worker-%ld", k);
	pthread_setname_np(pthread_self(), name);

	/* Set only now: the calls above would clobber them. */
	register long x0 __asm__("x0") = pipes[k - 1][0];
	register long x1 __asm__("x1") = (long)&got[k - 1];
	register long x2 __asm__("x2") = 1;

	/*
	 * One asm block, so that nothing between setting x19 and the svc can
	 * reuse it: x19 = 0x1900 + k, nready++ (exclusive load/store: the
	 * cortex-a57 has no LSE atomics), then read(fd, &got[k-1], 1).
	 */
	__asm__ volatile("mov x19, %[v]\n"
			 "1:\tldaxr w9, [%[n]]\n\t"
			 "add w9, w9, #1\n\t"
			 "stlxr w10, w9, [%[n]]\n\t"
			 "cbnz w10, 1b\n\t"
			 "mov x8, #63\n\t"	/* __NR_read */
			 "svc #0"
			 : "+r"(x0)
			 : [v] "r"(0x1900 + k), [n] "r"(&nready), "r"(x1), "r"(x2)
			 : "x8", "x9", "x10", "x19", "memory");
	return NULL;
}

int main(void)
{
	pthread_t th[NWORKERS];
	long k;

	for (k = 0; k < NWORKERS; k++)
		if (pipe(pipes[k]))
			return 2;
	for (k = 1; k <= NWORKERS; k++)
		if (pthread_create(&th[k - 1], NULL, worker, (void *)k))
			return 3;
	while (nready < NWORKERS)
		sched_yield();
	all_ready();
	for (k = 0; k < NWORKERS; k++)
		if (write(pipes[k][1], "abc" + k, 1) != 1)
			return 4;
	for (k = 0; k < NWORKERS; k++)
		pthread_join(th[k], NULL);
	done();
	return got[0] == 'a' && got[1] == 'b' && got[2] == 'c' ? 0 : 1;
}
