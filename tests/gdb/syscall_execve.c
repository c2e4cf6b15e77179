/*
 * The program re-executes itself with an argument, by an inline svc with
 * x7 = EMAGIC.  The new image (argc 2) starts with x7 = 0, then writes one
 * byte into a pipe by an svc with x7 = CMAGIC and stores the x7 it sees
 * after the svc.
 */
#include <unistd.h>

#define NR_WRITE	64
#define NR_EXECVE	221
#define EMAGIC		0x0e0e0e0e0e0e0e0eUL
#define CMAGIC		0x0c0c0c0c0c0c0c0cUL

extern char **environ;
int pipefd[2];
int is_child;
long exec_ret, write_ret;
unsigned long last_x7;

#include "svc3.h"

__attribute__((noinline)) void done(void)
{
}

int main(int argc, char **argv)
{
	char *args[] = { argv[0], "child", NULL };

	if (argc > 1) {
		is_child = 1;
		if (pipe(pipefd))
			return 2;
		write_ret = svc3(NR_WRITE, pipefd[1], (long)"x", 1, CMAGIC);
		done();
		return 0;
	}
	/* Only returns if the exec failed. */
	exec_ret = svc3(NR_EXECVE, (long)argv[0], (long)args, (long)environ,
			EMAGIC);
	return 3;
}
