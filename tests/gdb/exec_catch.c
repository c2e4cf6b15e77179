/*
 * exec: with no arguments the program (two threads: a worker waits on a
 * pipe) execs exec_catch_b with arguments "from" "exec_catch"; that
 * program exits with argc * 10 + its own check.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int pfd[2];

static void *worker(void *arg)
{
	char c;

	(void)arg;
	if (read(pfd[0], &c, 1) != 1)
		return NULL;
	return NULL;
}

int main(int argc, char **argv)
{
	char path[4096];
	pthread_t th;
	const char *slash = strrchr(argv[0], '/');

	(void)argc;
	if (pipe(pfd) || pthread_create(&th, NULL, worker, NULL))
		return 2;
	snprintf(path, sizeof(path), "%.*s/exec_catch_b",
		 slash ? (int)(slash - argv[0]) : 1, slash ? argv[0] : ".");
	execl(path, path, "from", "exec_catch", (char *)NULL);
	return 3;
}
