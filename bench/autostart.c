// SPDX-License-Identifier: MIT
/*
 * Guest autostart for the benchmarks (bench/bench.py):
 *   1. starts the reference, Debian's gdbserver, as
 *      `gdbserver --multi --no-startup-with-shell :$STUB_PORT2` through the
 *      dynamic loader copied next to it (the guest has no /usr/lib);
 *   2. runs the in-guest measurements $runs times, one round each time the
 *      driver asks for it by creating /tmp/bench-go-K (K = 1, 2, ...;
 *      through the stub's vFile, `remote put`), so that they alternate
 *      with the GDB rounds under the same load: the workload untraced
 *      (workload 5's baseline), then under the bare tracer (workload 7's
 *      limit); tracer prints an "a64bench: " line each; then
 *      "a64bench: native round K done".
 * The counts come from /extra/bench.conf ("runs R", "syscalls N",
 * "trace_syscalls N", one a line), written by the driver.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROOT	"gdbserver-root"
#define LOADER	ROOT "/lib/ld-linux-aarch64.so.1"
#define LIBDIR	ROOT "/lib/aarch64-linux-gnu"
#define GDBSERVER ROOT "/bin/gdbserver"

static pid_t start(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		fprintf(stderr, "a64bench: exec %s: ", argv[0]);
		perror(NULL);
		_exit(127);
	}
	if (pid < 0)
		perror("a64bench: fork");
	return pid;
}

static void run(char *const argv[])
{
	pid_t pid = start(argv);
	int status;

	if (pid > 0)
		waitpid(pid, &status, 0);
}

/* Wait (without polling) until the driver creates /tmp/bench-go-@k. */
static void wait_go(int ifd, long k)
{
	char path[64], buf[4096];
	struct stat st;

	snprintf(path, sizeof(path), "/tmp/bench-go-%ld", k);
	while (stat(path, &st) < 0)
		if (read(ifd, buf, sizeof(buf)) < 0)
			break;
}

static long conf(const char *path, const char *key, long def)
{
	char line[128], name[64];
	long val, ret = def;
	FILE *f = fopen(path, "re");

	if (!f)
		return def;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%63s %ld", name, &val) == 2 && !strcmp(name, key))
			ret = val;
	fclose(f);
	return ret;
}

int main(void)
{
	const char *dir = getenv("GUEST_EXTRA") ? getenv("GUEST_EXTRA") : "/extra";
	const char *port = getenv("STUB_PORT2") ? getenv("STUB_PORT2") : "1235";
	char loader[512], libdir[512], gdbserver[512], comm[32], cfg[512];
	char prog[512], n5[32], n7[32];
	long runs, i;

	snprintf(loader, sizeof(loader), "%s/%s", dir, LOADER);
	snprintf(libdir, sizeof(libdir), "%s/%s", dir, LIBDIR);
	snprintf(gdbserver, sizeof(gdbserver), "%s/%s", dir, GDBSERVER);
	snprintf(comm, sizeof(comm), ":%s", port);
	snprintf(cfg, sizeof(cfg), "%s/bench.conf", dir);
	snprintf(prog, sizeof(prog), "%s/workload", dir);
	runs = conf(cfg, "runs", 5);
	snprintf(n5, sizeof(n5), "%ld", conf(cfg, "syscalls", 1000000));
	snprintf(n7, sizeof(n7), "%ld", conf(cfg, "trace_syscalls", 100000));

	{
		char *argv[] = { loader, "--library-path", libdir, gdbserver,
				 "--multi", "--no-startup-with-shell", comm, NULL };

		start(argv);
	}
	{
		char tracer[512];
		char *untraced[] = { tracer, "untraced", prog, "getppid", n5, NULL };
		char *traced[] = { tracer, "trace", prog, "getppid", n7, NULL };

		int ifd = inotify_init1(IN_CLOEXEC);

		if (ifd < 0 || inotify_add_watch(ifd, "/tmp", IN_CLOSE_WRITE |
						 IN_MOVED_TO | IN_CREATE) < 0) {
			perror("a64bench: inotify");
			return 1;
		}
		snprintf(tracer, sizeof(tracer), "%s/tracer", dir);
		for (i = 1; i <= runs; i++) {
			wait_go(ifd, i);
			run(untraced);
			run(traced);
			printf("a64bench: native round %ld done\n", i);
			fflush(stdout);
		}
	}
	return 0;
}
