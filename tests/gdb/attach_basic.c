/*
 * attach.  Without arguments ("launcher", run by GDB): fork a child
 * ("target") that GDB does not keep (detach-on-fork), wait until the
 * child has its three threads and its main thread is blocked in
 * read(FD_IN) (seen in /proc, no sleeping), then stop in ready(pid).
 * Once GDB has detached from it, the launcher waits until the child is
 * stopped by a tracer (GDB attached to it), writes 'Q' into the child's
 * pipe, reaps the child and writes "child <status> pid <pid>" to
 * RESULT_FILE.
 * The target: two workers wait at a barrier; main reads one byte from
 * FD_IN, joins the barrier, joins the workers and exits 40 + the count of
 * finished workers + 30 if it read 'Q' (72).
 * With "check PID": wait for PID to end and keep RESULT_FILE in seen[].
 */
#include <dirent.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_mode.h"

#define FD_IN 42
#define RESULT_FILE "/tmp/a64stub-attach-result"

pthread_barrier_t barrier;
int workers_done;
int child;

__attribute__((noinline)) void ready(int pid)
{
	(void)pid;
	__asm__ volatile("" ::: "memory");
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&barrier);
	__atomic_add_fetch(&workers_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static int target(void)
{
	pthread_t th[2];
	char c = 0;

	pthread_barrier_init(&barrier, NULL, 3);
	for (int i = 0; i < 2; i++)
		if (pthread_create(&th[i], NULL, worker, NULL))
			return 2;
	if (read(FD_IN, &c, 1) != 1)
		return 3;
	pthread_barrier_wait(&barrier);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	return 40 + workers_done + (c == 'Q' ? 30 : 0);
}

/* A line of /proc/PID/FILE. */
static int proc_line(int pid, const char *file, const char *key, char *buf, int len)
{
	char path[64];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, file);
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (!found && fgets(buf, len, f))
		found = !strncmp(buf, key, strlen(key));
	fclose(f);
	return found;
}

static int nthreads(int pid)
{
	char buf[128];

	return proc_line(pid, "status", "Threads:", buf, sizeof(buf)) ? atoi(buf + 8) : 0;
}

static int blocked_in_read(int pid)
{
	char buf[256];

	/* "63 0x2a ..." : read (63) with fd FD_IN, blocked in the kernel */
	return proc_line(pid, "syscall", "63 0x2a ", buf, sizeof(buf));
}

/*
 * Traced and stopped by its tracer: TracerPid is set at PTRACE_SEIZE,
 * before the thread stops, and a byte written then could still be read
 * by the read() that was blocked before the attach.
 */
static int traced_and_stopped(int pid)
{
	char buf[128];

	return proc_line(pid, "status", "TracerPid:", buf, sizeof(buf)) && atoi(buf + 10) != 0 &&
	       proc_line(pid, "status", "State:", buf, sizeof(buf)) && strstr(buf, "tracing stop");
}

int main(int argc, char **argv)
{
	int pfd[2], status;
	FILE *f;

	if (check_mode(argc, argv, RESULT_FILE))
		return 0;
	unlink(RESULT_FILE);
	if (pipe(pfd) || dup2(pfd[0], FD_IN) != FD_IN)
		return 2;
	child = fork();
	if (child < 0)
		return 3;
	if (child == 0)
		_exit(target());
	while (nthreads(child) != 3 || !blocked_in_read(child))
		sched_yield();
	ready(child);
	/* GDB has detached from us and attaches to the child. */
	while (!traced_and_stopped(child))
		sched_yield();
	if (write(pfd[1], "Q", 1) != 1)
		return 4;
	if (waitpid(child, &status, 0) != child)
		return 5;
	f = fopen(RESULT_FILE, "w");
	if (!f)
		return 6;
	fprintf(f, "child %d pid %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1, child);
	fclose(f);
	return 0;
}
