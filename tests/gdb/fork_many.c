/*
 * One thread forks and reaps NCHILD children one after the other (each
 * exits at once with its index) while another thread keeps calling
 * tick(), where fork_many.gdb has a breakpoint.  The process holds 32 MiB
 * of touched memory so that each fork takes a while: a tick() stop then
 * often finds the forking thread inside fork(), and stopping it for that
 * report leaves its fork event pending, the child already traced.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NCHILD	50
#define BALLAST	(32 << 20)

int reaped, codes_ok, ticks;
volatile int forking = 1;

__attribute__((noinline)) void tick(void)
{
	ticks++;
}

static void *ticker(void *arg)
{
	(void)arg;
	while (forking) {
		tick();
		usleep(2000);
	}
	return NULL;
}

int main(void)
{
	char *ballast = malloc(BALLAST);
	pthread_t tid;

	if (!ballast)
		return 3;
	memset(ballast, 1, BALLAST);
	if (pthread_create(&tid, NULL, ticker, NULL))
		return 4;
	for (int i = 0; i < NCHILD; i++) {
		pid_t pid = fork();
		int status;

		if (pid == 0)
			_exit(i);
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			return 2;
		reaped++;
		codes_ok += WIFEXITED(status) && WEXITSTATUS(status) == i;
	}
	forking = 0;
	pthread_join(tid, NULL);
	return reaped == NCHILD && codes_ok == NCHILD ? 0 : 1;
}
