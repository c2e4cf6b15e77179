/*
 * A SIGUSR1 handler that records the si_errno it was given: GDB changes
 * it at the signal stop (set $_siginfo.si_errno = 77).
 */
#include <signal.h>
#include <string.h>

volatile int seen_errno = -1, seen_signo, seen_code;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	seen_errno = si->si_errno;
	seen_signo = si->si_signo;
	seen_code = si->si_code;
}

__attribute__((noinline)) void handled(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	handled();
	return seen_errno == 77 ? 0 : 1;
}
