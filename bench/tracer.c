// SPDX-License-Identifier: MIT
/*
 * The ptrace limit (workload 7) and the untraced baseline (workload 5),
 * measured inside the guest:
 *   tracer trace PROG ARGS...     run PROG under a minimal tracer that
 *                                 stops it at every syscall entry and exit
 *                                 (PTRACE_SYSCALL) and does nothing else
 *   tracer untraced PROG ARGS...  run PROG untraced
 * Prints one line, "a64bench: MODE stops=N ns=T status=S": the syscall
 * stops seen (0 untraced) and the nanoseconds from fork to the reaped exit.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long long t0, stops = 0;
	int trace, status, sig = 0;
	pid_t pid;

	if (argc < 3 || (strcmp(argv[1], "trace") && strcmp(argv[1], "untraced"))) {
		fprintf(stderr, "usage: tracer trace|untraced PROG ARGS...\n");
		return 2;
	}
	trace = !strcmp(argv[1], "trace");
	t0 = now_ns();
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		if (trace && ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
			_exit(126);
		execv(argv[2], argv + 2);
		_exit(127);
	}
	if (trace) {
		/* The exec's SIGTRAP, then PTRACE_SYSCALL stop after stop. */
		if (waitpid(pid, &status, 0) < 0 || !WIFSTOPPED(status)) {
			fprintf(stderr, "tracer: no exec stop\n");
			return 1;
		}
		ptrace(PTRACE_SETOPTIONS, pid, NULL,
		       (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
		for (;;) {
			if (ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)sig) < 0) {
				perror("PTRACE_SYSCALL");
				return 1;
			}
			if (waitpid(pid, &status, 0) < 0) {
				perror("waitpid");
				return 1;
			}
			if (!WIFSTOPPED(status))
				break;
			sig = WSTOPSIG(status);
			if (sig == (SIGTRAP | 0x80)) {
				stops++;
				sig = 0;
			}
		}
	} else if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		return 1;
	}
	printf("a64bench: %s stops=%lld ns=%lld status=%d\n", argv[1], stops,
	       now_ns() - t0,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
