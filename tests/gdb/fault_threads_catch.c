/*
 * 100 threads created and exiting while `catch syscall getppid` is
 * active: each calls getppid() once, in batches of 10 that overlap with
 * the next batch's creation, so threads appear and exit while the stub
 * stops every thread for each report.
 */
#include <pthread.h>
#include <unistd.h>

#define THREADS 100
#define BATCH	10

int done;

static void *worker(void *arg)
{
	(void)arg;
	getppid();
	__atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

__attribute__((noinline)) void all_done(void)
{
}

int main(void)
{
	pthread_t th[THREADS];

	/* Create batch b, then join batch b - 1, whose threads may still run. */
	for (int b = 0; b < THREADS / BATCH; b++) {
		for (int i = b * BATCH; i < (b + 1) * BATCH; i++)
			if (pthread_create(&th[i], NULL, worker, NULL))
				return 2;
		for (int i = (b - 1) * BATCH; b > 0 && i < b * BATCH; i++)
			pthread_join(th[i], NULL);
	}
	for (int i = THREADS - BATCH; i < THREADS; i++)
		pthread_join(th[i], NULL);
	all_done();
	return done == THREADS ? 0 : 1;
}
