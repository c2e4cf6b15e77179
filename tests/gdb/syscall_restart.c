/*
 * The seed's orig_x0 selftest: read() on the empty pipe A blocks until
 * SIGALRM (alarm(1)) interrupts it; the handler has SA_RESTART, so the
 * kernel restarts the read with x0 = orig_x0.  GDB changes orig_x0 at the
 * read's return stop (x0 = -ERESTARTSYS) to FD_B, a pipe pre-filled with
 * MSG_B, so the restarted read returns MSG_B.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define FD_B	50
#define MSG_B	"from pipe B\n"		/* 12 bytes */

int pipe_a[2], pipe_b[2];
int fd_a;
char buf[64];
long nread;
volatile int alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

__attribute__((noinline)) void blocked_read(void)
{
	nread = read(fd_a, buf, sizeof(buf) - 1);
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
	if (pipe(pipe_a) || pipe(pipe_b) || dup2(pipe_b[0], FD_B) != FD_B ||
	    write(pipe_b[1], MSG_B, strlen(MSG_B)) != (long)strlen(MSG_B) ||
	    sigaction(SIGALRM, &sa, NULL))
		return 2;
	fd_a = pipe_a[0];
	alarm(1);
	blocked_read();
	done();
	return 0;
}
