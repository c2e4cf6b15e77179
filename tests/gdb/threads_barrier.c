/*
 * Several threads on one breakpoint at once: NTHREADS workers wait at a
 * barrier, then all call target(K) together, ROUNDS times.  Every call
 * must be reported to GDB: none may be lost in the stub when several
 * threads trap together.
 */
#include <pthread.h>

#define NTHREADS 4
#define ROUNDS 3

pthread_barrier_t barrier;
int calls;		/* the program's own count of target() calls */

__attribute__((noinline)) void target(long k)
{
	__atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
	(void)k;
}

__attribute__((noinline)) void done(void)
{
	__asm__ volatile("" ::: "memory");
}

static void *worker(void *arg)
{
	for (int r = 0; r < ROUNDS; r++) {
		pthread_barrier_wait(&barrier);
		target((long)arg);
	}
	return NULL;
}

int main(void)
{
	pthread_t th[NTHREADS];

	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (long k = 0; k < NTHREADS; k++)
		if (pthread_create(&th[k], NULL, worker, (void *)(k + 1)))
			return 2;
	for (int k = 0; k < NTHREADS; k++)
		pthread_join(th[k], NULL);
	done();
	return calls == NTHREADS * ROUNDS ? 0 : 1;
}
