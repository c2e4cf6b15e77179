/*
 * x7 across a signal handler.  Each round sends SIGALRM to its own thread
 * with an svc (tgkill, x7 = KMAGIC[r]); the handler runs on the way back
 * from that syscall and makes a getppid with x7 = HMAGIC as its last act,
 * so rt_sigreturn is entered with x7 = HMAGIC; rt_sigreturn restores the
 * interrupted x7 (KMAGIC[r]).  Then a write with x7 = WMAGIC[r].  What the
 * program sees in x7 after each svc is stored by the same asm statement.
 * (SIGALRM: its number is the same in GDB's numbering and Linux's.)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define NR_WRITE	64
#define NR_TGKILL	131
#define NR_GETPPID	173
#define HMAGIC		0x4848484848484848UL

int pipefd[2];
long pid, tid;
volatile int handled;
unsigned long after_kill[2], after_write[2];
unsigned long last_x7;
static const unsigned long kmagic[2] = {
	0x1b1b1b1b1b1b1b1bUL, 0x2b2b2b2b2b2b2b2bUL
};
static const unsigned long wmagic[2] = {
	0x1c1c1c1c1c1c1c1cUL, 0x2c2c2c2c2c2c2c2cUL
};

#include "svc3.h"

static void on_alarm(int sig)
{
	(void)sig;
	handled++;
	/* The last thing before returning: leaves x7 = HMAGIC. */
	{
		register unsigned long x7 asm("x7") = HMAGIC;
		register long x8 asm("x8") = NR_GETPPID;
		register long x0 asm("x0");

		asm volatile("svc #0" : "=r"(x0) : "r"(x7), "r"(x8) : "memory");
	}
}

__attribute__((noinline)) void round_(int r)
{
	svc3(NR_TGKILL, pid, tid, SIGALRM, kmagic[r]);
	after_kill[r] = last_x7;
	svc3(NR_WRITE, pipefd[1], (long)"x", 1, wmagic[r]);
	after_write[r] = last_x7;
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	if (pipe(pipefd) || sigaction(SIGALRM, &sa, NULL))
		return 2;
	pid = getpid();
	tid = gettid();
	round_(0);
	round_(1);
	done();
	return 0;
}
