/*
 * Death by signal, chosen by argv[1]: "abort" (SIGABRT), "segv" (a store
 * to address 16 in crash()), "kill" (raise(SIGKILL)), "term" (SIGTERM).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

volatile int *bad_ptr = (int *)16;

__attribute__((noinline)) void crash(void)
{
	*bad_ptr = 1;		/* L:crash */
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 1;
	if (!strcmp(argv[1], "abort"))
		abort();
	if (!strcmp(argv[1], "segv"))
		crash();
	if (!strcmp(argv[1], "kill"))
		raise(SIGKILL);
	if (!strcmp(argv[1], "term"))
		raise(SIGTERM);
	return 0;
}
