/*
 * Inferior calls at syscall stops: GDB calls helper() at the entry stop
 * of a write() and at the return stop of a read() interrupted by SIGALRM
 * (SA_RESTART).  Untouched, the write runs once with its own arguments
 * and the read restarts and gets what the handler wrote into the pipe;
 * with the calls in between, exactly the same must happen.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define AFTER	"after"

int pipe_a[2], pipe_b[2];
char buf[64], wbuf[8];
long nread = -100, nwritten = -100, nb;
int calls;
volatile int alarms;

__attribute__((noinline)) int helper(int v)
{
	calls++;
	return v + 1;
}

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
	if (write(pipe_a[1], AFTER, strlen(AFTER)) < 0)
		alarms = 100;
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	if (pipe(pipe_a) || pipe(pipe_b) || sigaction(SIGALRM, &sa, NULL))
		return 2;
	nwritten = write(pipe_b[1], "abc", 3);
	alarm(1);
	nread = read(pipe_a[0], buf, sizeof(buf) - 1);
	nb = read(pipe_b[0], wbuf, sizeof(wbuf));
	done();
	return 0;
}
