/*
 * Many getpid() calls, then exit: a program that a left-over syscall
 * filter would stop 2 * CALLS times.
 */
#include <unistd.h>

#define CALLS 50

int main(void)
{
	long sum = 0;

	for (int i = 0; i < CALLS; i++)
		sum += getpid() > 0;
	return sum == CALLS ? 0 : 1;
}
