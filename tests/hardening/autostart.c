// SPDX-License-Identifier: MIT
/*
 * Guest autostart for the hardening tests and the fuzz corpus capture:
 * runs /bin/a64stub with the arguments listed in /extra/autostart.args
 * (one a line), and again each time it exits, so that a test can use a
 * fresh `--once` stub per client.  Stops after RESPAWN_MAX runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ARGS_FILE	"autostart.args"
#define MAX_ARGS	16
#define RESPAWN_MAX	200

int main(void)
{
	const char *dir = getenv("GUEST_EXTRA");
	const char *stub = getenv("A64STUB") ? getenv("A64STUB") : "/bin/a64stub";
	char path[4096], line[4096], *argv[MAX_ARGS + 2];
	int argc = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/" ARGS_FILE, dir ? dir : "/extra");
	f = fopen(path, "r");
	if (!f) {
		perror("autostart: " ARGS_FILE);
		return 1;
	}
	argv[argc++] = "a64stub";
	while (argc <= MAX_ARGS && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		/* Paths may name the extra folder as @EXTRA@. */
		if (!strncmp(line, "@EXTRA@", 7)) {
			char *p = malloc(strlen(line) + 4096);

			if (!p)
				return 1;
			sprintf(p, "%s%s", dir ? dir : "/extra", line + 7);
			argv[argc++] = p;
		} else {
			argv[argc++] = strdup(line);
		}
	}
	fclose(f);
	argv[argc] = NULL;
	for (int i = 0; i < RESPAWN_MAX; i++) {
		pid_t pid = fork();
		int status;

		if (pid == 0) {
			execv(stub, argv);
			perror("autostart: exec a64stub");
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0)
			return 1;
		fprintf(stderr, "autostart: a64stub ended (status 0x%x)\n", status);
		usleep(200000);
	}
	return 0;
}
