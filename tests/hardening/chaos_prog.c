// SPDX-License-Identifier: MIT
/*
 * The program the chaos campaign (chaos.py) runs under the stub: it does
 * random things of its own, drawn from its seed, forever:
 *   forks children that exit after a few milliseconds (reaped by it),
 *   creates threads that end after a few milliseconds,
 *   raises SIGUSR1 (handled), execs itself anew,
 *   has a child stop it (SIGSTOP, then SIGCONT) or, rarely, kill it.
 * Every pid it creates is appended to /tmp/chaos-pids, which the
 * campaign's invariant checks read through the stub (vFile).
 *   chaos_prog SEED [GENERATION]
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned long state;
static volatile sig_atomic_t usr1;

static unsigned int rnd(unsigned int n)
{
	state = state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned int)(state >> 33) % n;
}

static void note_pid(pid_t pid)
{
	FILE *f = fopen("/tmp/chaos-pids", "a");

	if (f) {
		fprintf(f, "%d\n", (int)pid);
		fclose(f);
	}
}

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static void *short_thread(void *arg)
{
	usleep((useconds_t)(unsigned long)arg);
	return NULL;
}

/* A child that does @what to its parent after @us microseconds. */
static void child(int what, unsigned int us, int code)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		usleep(us);
		if (what == SIGSTOP) {
			kill(parent, SIGSTOP);
			usleep(20000);
			kill(parent, SIGCONT);
		} else if (what) {
			kill(parent, what);
		}
		_exit(code);
	}
	if (pid > 0)
		note_pid(pid);
}

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? strtoul(argv[1], NULL, 0) : 1;
	int gen = argc > 2 ? atoi(argv[2]) : 0;

	state = seed * 2654435761UL + (unsigned long)gen;
	signal(SIGUSR1, on_usr1);
	note_pid(getpid());
	for (;;) {
		unsigned int r = rnd(1000);
		pthread_t t;

		if (r < 200) {
			child(0, rnd(20000), (int)rnd(256));
		} else if (r < 400) {
			if (!pthread_create(&t, NULL, short_thread,
					    (void *)(unsigned long)rnd(20000)))
				pthread_detach(t);
		} else if (r < 500) {
			raise(SIGUSR1);
		} else if (r < 505) {
			char s[32], g[16];

			snprintf(s, sizeof(s), "%lu", seed);
			snprintf(g, sizeof(g), "%d", gen + 1);
			execl("/proc/self/exe", argv[0], s, g, (char *)NULL);
		} else if (r < 515) {
			child(SIGSTOP, rnd(5000), 0);
		} else if (r < 517) {
			child(SIGKILL, rnd(5000), 0);
		} else {
			usleep(1000 + rnd(10000));
		}
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
	}
}
