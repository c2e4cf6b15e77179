/*
 * A dynamic PIE program with two threads: each sets glibc's errno (a
 * thread-local variable of libc.so.6) to its own value and records its
 * pthread_self(); the worker then blocks reading a pipe while main stops
 * in both_set().
 */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

unsigned long main_self, worker_self;	/* pthread_self() of each */
int pfd[2];
volatile int worker_ready;

__attribute__((noinline)) void both_set(void)
{
	__asm__ volatile("" ::: "memory");
}

static void *worker(void *arg)
{
	char c;

	(void)arg;
	worker_self = (unsigned long)pthread_self();
	errno = 43;
	worker_ready = 1;
	if (read(pfd[0], &c, 1) != 1)
		return NULL;
	return NULL;
}

int main(void)
{
	pthread_t th;

	if (pipe(pfd))
		return 2;
	main_self = (unsigned long)pthread_self();
	if (pthread_create(&th, NULL, worker, NULL))
		return 3;
	while (!worker_ready)
		;
	errno = 42;
	both_set();
	if (write(pfd[1], "x", 1) != 1)
		return 4;
	pthread_join(th, NULL);
	return errno == 42 ? 0 : 1;
}
