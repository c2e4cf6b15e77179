/*
 * execve from a thread that is not the thread group leader: the kernel
 * kills every other thread (the leader too) and the exec'ing thread takes
 * the process id.  Run again with "child", the new image exits 44.
 */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static char *self;

static void *worker(void *arg)
{
	(void)arg;
	execl(self, self, "child", (char *)NULL);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t th;

	if (argc > 1 && !strcmp(argv[1], "child"))
		return 44;
	self = argv[0];
	if (pthread_create(&th, NULL, worker, NULL))
		return 2;
	pthread_join(th, NULL);	/* never returns: the exec ends this thread */
	return 3;
}
