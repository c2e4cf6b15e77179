/*
 * ^C from GDB: the program blocks in read() on a pipe that nobody writes.
 * GDB interrupts it twice; then it is resumed with SIGUSR1, whose handler
 * (no SA_RESTART) makes read() fail with EINTR, and it stops in done().
 * Then it spins until GDB, having interrupted the loop, sets stop_spin.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

int my_pid;
int usr1_count;
long rd_ret = 99;
int rd_errno;
volatile int stop_spin;
volatile unsigned long spins;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

__attribute__((noinline)) void done(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	struct sigaction sa;
	int fd[2];
	char c;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;	/* no SA_RESTART: read() fails with EINTR */
	sigaction(SIGUSR1, &sa, NULL);
	my_pid = getpid();
	if (pipe(fd))
		return 2;
	rd_ret = read(fd[0], &c, 1);
	rd_errno = errno;
	done();
	while (!stop_spin) spins++;	/* L:spin (one line: any stop in the loop is here) */
	return rd_ret == -1 && rd_errno == EINTR ? 0 : 1;
}
