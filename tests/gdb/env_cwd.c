/*
 * The environment and working directory GDB gives a program (set/unset
 * environment, set cwd): the program records what it sees in globals
 * and stops in report() for the script to read them.
 */
#include <stdlib.h>
#include <unistd.h>

const char *foo, *extra, *path;
char cwd[256];

__attribute__((noinline)) void report(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	foo = getenv("A64_FOO");
	extra = getenv("GUEST_EXTRA");
	path = getenv("PATH");
	if (!getcwd(cwd, sizeof(cwd)))
		cwd[0] = '\0';
	report();
	return 0;
}
