/*
 * Signals GDB passes without stopping (QPassSignals): the program sends
 * itself SIGUSR1 NSIG_MAIN times from the main thread, and a worker
 * thread sends itself SIGUSR1 NSIG_WORKER times; the handler counts
 * them per thread.  Then done().
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define NSIG_MAIN 5
#define NSIG_WORKER 3

int main_count, worker_count;
long main_tid;

static void on_usr1(int sig)
{
	(void)sig;
	if (gettid() == main_tid)
		main_count++;
	else
		worker_count++;
}

__attribute__((noinline)) void done(void)
{
	__asm__ volatile("" ::: "memory");
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < NSIG_WORKER; i++)
		pthread_kill(pthread_self(), SIGUSR1);
	return NULL;
}

int main(void)
{
	struct sigaction sa;
	pthread_t th;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	main_tid = gettid();
	for (int i = 0; i < NSIG_MAIN; i++)
		kill(getpid(), SIGUSR1);
	if (pthread_create(&th, NULL, worker, NULL))
		return 2;
	pthread_join(th, NULL);
	done();
	return main_count == NSIG_MAIN && worker_count == NSIG_WORKER ? 0 : 1;
}
