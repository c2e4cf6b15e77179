/*
 * Thread-local variables in a static program: main and a worker each set
 * their own tls_val and record its address and their tpidr_el0; the
 * worker then blocks reading a pipe while main stops in both_set().
 */
#include <pthread.h>
#include <unistd.h>

__thread long tls_val = 5;
__thread char tls_name[16] = "initial";

long main_addr, worker_addr;		/* &tls_val in each thread */
unsigned long main_tp, worker_tp;	/* tpidr_el0 in each thread */
int pfd[2];
volatile int worker_ready;

__attribute__((noinline)) void both_set(void)
{
	__asm__ volatile("" ::: "memory");
}

static unsigned long tp(void)
{
	unsigned long v;

	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
	return v;
}

static void *worker(void *arg)
{
	char c;

	(void)arg;
	tls_val = 0x2222;
	tls_name[0] = 'W';
	worker_addr = (long)&tls_val;
	worker_tp = tp();
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
	tls_val = 0x1111;
	tls_name[0] = 'M';
	main_addr = (long)&tls_val;
	main_tp = tp();
	if (pthread_create(&th, NULL, worker, NULL))
		return 3;
	while (!worker_ready)
		;
	both_set();
	if (write(pfd[1], "x", 1) != 1)
		return 4;
	pthread_join(th, NULL);
	return tls_val == 0x1111 ? 0 : 1;
}
