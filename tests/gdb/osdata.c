/*
 * A program for `info os`: it opens its own file on a known descriptor
 * and stops in opened() for the script to look at the tables.
 */
#include <fcntl.h>
#include <unistd.h>

int fd = -1;

__attribute__((noinline)) void opened(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(int argc, char **argv)
{
	(void)argc;
	fd = open(argv[0], O_RDONLY);
	if (fd < 0 || dup2(fd, 7) != 7)
		return 2;
	opened();
	return 0;
}
