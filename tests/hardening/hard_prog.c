// SPDX-License-Identifier: MIT
/*
 * The program the hardening tests run in the guest.
 *   hard_prog          sleeps in a loop until killed
 *   hard_prog killer   forks a child that SIGKILLs this process after
 *                      300 ms, from outside it (the child is not traced:
 *                      the tests' client does not ask for fork events)
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "killer")) {
		pid_t parent = getpid();

		if (fork() == 0) {
			usleep(300000);
			kill(parent, SIGKILL);
			_exit(0);
		}
	}
	for (;;)
		pause();
}
