/*
 * Exit codes reach GDB exactly: 171 (above 127, so no sign trouble) by
 * default, 0 with the argument "zero", 3 from exit() in a second thread.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *exit_from_thread(void *arg)
{
	(void)arg;
	exit(3);
}

int main(int argc, char **argv)
{
	pthread_t t;

	if (argc > 1 && !strcmp(argv[1], "zero"))
		return 0;
	if (argc > 1 && !strcmp(argv[1], "thread")) {
		pthread_create(&t, NULL, exit_from_thread, NULL);
		pthread_join(t, NULL);
		return 99;	/* not reached */
	}
	return 171;
}
