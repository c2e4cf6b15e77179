/*
 * $_siginfo: the program sends itself SIGUSR1 by tgkill (SI_TKILL) and
 * then writes to a PROT_NONE page at fault_addr (SIGSEGV, SEGV_ACCERR).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

long my_pid;
volatile int *fault_addr;

int main(void)
{
	char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED)
		return 2;
	my_pid = getpid();
	fault_addr = (volatile int *)(page + 0x18);
	tgkill(my_pid, gettid(), SIGUSR1);
	*fault_addr = 1;	/* L:fault */
	return 0;
}
