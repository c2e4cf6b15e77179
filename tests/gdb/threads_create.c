/*
 * Threads that come and go.  First, while GDB steps over them with `next`:
 * main creates "child" (which blocks reading a pipe), then writes the
 * pipe and joins it.  Then, while the program runs: a spawner thread
 * creates and joins NCHURN short threads one after another while the
 * main thread calls tick() NTICKS times (a breakpoint in GDB), so threads
 * are created and exit while the stub stops and resumes the program.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>

#define NCHURN 200
#define NTICKS 10

int pfd[2];
char child_got;
int churned;		/* threads the spawner created and joined */
volatile int spawner_done;

__attribute__((noinline)) void tick(int i)
{
	(void)i;
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void done(void)
{
	__asm__ volatile("" ::: "memory");
}

static void *child(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "child");
	if (read(pfd[0], &child_got, 1) != 1)
		child_got = '?';
	return NULL;
}

static void *short_lived(void *arg)
{
	return arg;
}

static void *spawner(void *arg)
{
	(void)arg;
	for (int i = 0; i < NCHURN; i++) {
		pthread_t t;
		void *ret;

		if (pthread_create(&t, NULL, short_lived, (void *)(long)i))
			break;
		pthread_join(t, &ret);
		if ((long)ret == i)
			churned++;
	}
	spawner_done = 1;
	return NULL;
}

int main(void)
{
	pthread_t th, sp;
	int i;

	if (pipe(pfd))
		return 2;
	if (pthread_create(&th, NULL, child, NULL))	/* L:create */
		return 3;
	if (write(pfd[1], "x", 1) != 1)			/* L:write */
		return 4;
	pthread_join(th, NULL);				/* L:join */
	if (pthread_create(&sp, NULL, spawner, NULL))	/* L:after_join */
		return 5;
	for (i = 0; i < NTICKS; i++)
		tick(i);
	pthread_join(sp, NULL);
	done();
	return churned == NCHURN && child_got == 'x' ? 0 : 1;
}
