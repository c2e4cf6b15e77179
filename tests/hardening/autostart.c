// SPDX-License-Identifier: MIT
/*
 * Guest autostart for the hardening tests and the fuzz corpus capture:
 * runs /bin/a64stub with the arguments listed in /extra/autostart.args
 * (one a line, read anew each time), and again each time it exits, so
 * that a test can use a fresh `--once` stub per client, or change its
 * arguments.  Stops after RESPAWN_MAX runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ARGS_FILE	"autostart.args"
#define MAX_ARGS	16
#define RESPAWN_MAX	200

/*
 * Read the stub's arguments from ARGS_FILE into @argv (argv[0] set).
 * Returns: 0, or -1 if the file cannot be read.
 */
static int read_args(const char *dir, char **argv)
{
	char path[4096], line[4096];
	int argc = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/" ARGS_FILE, dir ? dir : "/extra");
	f = fopen(path, "r");
	if (!f) {
		perror("autostart: " ARGS_FILE);
		return -1;
	}
	argv[argc++] = "a64stub";
	while (argc <= MAX_ARGS && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		/* Paths may name the extra folder as @EXTRA@. */
		if (!strncmp(line, "@EXTRA@", 7)) {
			char *p = malloc(strlen(line) + 4096);

			if (!p)
				break;
			sprintf(p, "%s%s", dir ? dir : "/extra", line + 7);
			argv[argc++] = p;
		} else {
			argv[argc++] = strdup(line);
		}
	}
	fclose(f);
	argv[argc] = NULL;
	return 0;
}

int main(void)
{
	const char *dir = getenv("GUEST_EXTRA");
	const char *stub = getenv("A64STUB") ? getenv("A64STUB") : "/bin/a64stub";
	char *argv[MAX_ARGS + 2];

	for (int i = 0; i < RESPAWN_MAX; i++) {
		pid_t pid;
		int status;

		/* Read anew each time: a test may change the arguments. */
		if (read_args(dir, argv))
			return 1;
		pid = fork();
		if (pid == 0) {
			execv(stub, argv);
			perror("autostart: exec a64stub");
			_exit(127);
		}
		for (int a = 1; argv[a]; a++)
			free(argv[a]);
		if (pid < 0 || waitpid(pid, &status, 0) < 0)
			return 1;
		fprintf(stderr, "autostart: a64stub ended (status 0x%x)\n", status);
		usleep(200000);
	}
	return 0;
}
