// SPDX-License-Identifier: MIT
/*
 * The program the hardening tests run in the guest.
 *   hard_prog          sleeps in a loop until killed
 *   hard_prog killer   forks a child that SIGKILLs this process after
 *                      300 ms, from outside it (the child is not traced:
 *                      the tests' client does not ask for fork events)
 *   hard_prog killer-stop  the same after one second, and the program
 *                      raises SIGUSR1 once the killer child exists (so a
 *                      client knows the kill will come)
 *   hard_prog ticker   counts, writing the count to /tmp/ticks-PID every
 *                      10 ms, so a test can see that it runs
 *   hard_prog brkloop  a tight loop: brk #0, two nops, branch back, so
 *                      the program traps a few instructions after each
 *                      resume (interrupt_race.py)
 */
#include <stdbool.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1 && !strncmp(argv[1], "killer", 6)) {
		bool stop = !strcmp(argv[1], "killer-stop");
		pid_t parent = getpid();

		if (fork() == 0) {
			usleep(stop ? 1000000 : 300000);
			kill(parent, SIGKILL);
			_exit(0);
		}
		if (stop)
			raise(SIGUSR1);
	}
	if (argc > 1 && !strcmp(argv[1], "ticker")) {
		char path[64], buf[32];
		unsigned long ticks = 0;

		snprintf(path, sizeof(path), "/tmp/ticks-%d", (int)getpid());
		for (;;) {
			FILE *f = fopen(path, "w");
			int n = snprintf(buf, sizeof(buf), "%lu\n", ++ticks);

			if (f) {
				fwrite(buf, 1, (size_t)n, f);
				fclose(f);
			}
			usleep(10000);
		}
	}
	if (argc > 1 && !strcmp(argv[1], "brkloop"))
		for (;;)
			__asm__ volatile("brk #0\n\tnop\n\tnop");
	for (;;)
		pause();
}
