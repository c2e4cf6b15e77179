/*
 * Signals GDB delivers: the program stops in here() (signal SIGUSR2,
 * not at a breakpoint so that GDB need not step over one), then in
 * here2() (queue-signal + stepi into the handler), then in here3()
 * (queue-signal + step).  The handler records the signal and si_code.
 */
#include <signal.h>
#include <string.h>

int usr2_count;
int last_sig;
int last_code;

void on_usr2(int sig, siginfo_t *si, void *uc)
{	/* L:handler_entry */
	(void)uc;
	usr2_count++;
	last_sig = sig;
	last_code = si->si_code;
}

__attribute__((noinline)) void here(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void here2(void)
{
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void here3(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr2;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	here();
	here2();
	here3();
	return usr2_count;
}
