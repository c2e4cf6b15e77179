/*
 * kill: the first run is killed at stopped(); the second run is given the
 * first one's pid and checks that it is gone (kill(pid, 0) fails with
 * ESRCH: not even a zombie is left), then exits with 33.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

int my_pid;
int old_pid;			/* set by GDB in the second run */
int old_errno = -1;

__attribute__((noinline)) void stopped(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	my_pid = getpid();
	stopped();
	if (old_pid) {
		old_errno = kill(old_pid, 0) ? errno : 0;
		return old_errno == ESRCH ? 33 : 1;
	}
	return 0;
}
