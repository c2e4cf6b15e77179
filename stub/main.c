// SPDX-License-Identifier: MIT
/*
 * a64stub: a gdbserver-compatible remote stub for arm64 Linux that shows
 * every register at syscall stops.  Command line as gdbserver's:
 *	a64stub [OPTIONS] COMM PROG [ARGS...]
 *	a64stub [OPTIONS] --multi COMM
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conn.h"
#include "packet.h"
#include "server.h"
#include "target.h"

#ifndef A64STUB_VERSION
#define A64STUB_VERSION "unknown"
#endif

static void usage(FILE *f)
{
	fputs("Usage: a64stub [OPTIONS] COMM PROG [ARGS...]\n"
	      "       a64stub [OPTIONS] --multi COMM\n"
	      "       a64stub [OPTIONS] --attach COMM PID\n"
	      "\n"
	      "A gdbserver-compatible remote stub for arm64 Linux that shows every\n"
	      "register at syscall stops: orig_x0, orig_x7 and syscallno.\n"
	      "\n"
	      "COMM is HOST:PORT to listen on (:PORT listens on all interfaces),\n"
	      "or - to talk over stdin/stdout.\n"
	      "\n"
	      "Options:\n"
	      "  --multi                 start with no program; GDB runs programs with\n"
	      "                          'target extended-remote' and 'run'\n"
	      "  --attach                attach to the running process PID (all its\n"
	      "                          threads); detaching leaves it running\n"
	      "  --once                  serve one client, then exit (killing programs\n"
	      "                          the stub started)\n"
	      "  --startup-with-shell    start programs through $SHELL (default: no shell)\n"
	      "  --no-startup-with-shell start programs directly (the default)\n"
	      "  --debug, --remote-debug log every packet on stderr\n"
	      "  --help                  show this help and exit\n"
	      "  --version               show the version and exit\n"
	      "\n"
	      "Whoever can connect to COMM controls the programs the stub runs:\n"
	      "listen on 127.0.0.1, or use - over ssh, on shared networks.\n", f);
}

static int parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--attach")) {
			o->attach = true;
		} else if (!strcmp(a, "--multi")) {
			o->multi = true;
		} else if (!strcmp(a, "--once")) {
			o->once = true;
		} else if (!strcmp(a, "--debug") || !strcmp(a, "--remote-debug")) {
			o->debug = true;
		} else if (!strcmp(a, "--startup-with-shell")) {
			o->use_shell = true;
		} else if (!strcmp(a, "--no-startup-with-shell")) {
			o->use_shell = false;
		} else if (!strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--version")) {
			o->version = true;
		} else {
			fprintf(stderr, "a64stub: unknown option %s (see --help)\n", a);
			return -EINVAL;
		}
	}
	if (o->version)
		return 0;
	if (i >= argc) {
		fprintf(stderr, "a64stub: COMM is missing (e.g. :1234 or -); see --help\n");
		return -EINVAL;
	}
	o->comm = argv[i++];
	if (o->attach) {
		char *end;

		if (i + 1 != argc || (o->attach_pid = (pid_t)strtol(argv[i], &end, 10)) <= 0 ||
		    *end) {
			fprintf(stderr, "a64stub: --attach takes COMM and one PID\n");
			return -EINVAL;
		}
		return 0;
	}
	if (i < argc)
		o->argv = &argv[i];
	if (!o->multi && !o->argv) {
		fprintf(stderr, "a64stub: no program given: name one, or use --multi\n");
		return -EINVAL;
	}
	return 0;
}

/* The stub ends: programs it started die, attached ones run on. */
static void finish(struct target *t)
{
	struct process *p;

	while ((p = target_first_process(t))) {
		if (p->attached)
			target_detach(t, p);
		else
			target_kill(t, p);
	}
}

int main(int argc, char **argv)
{
	static struct target t;
	static struct conn conn;
	struct options opts = { .version_string = A64STUB_VERSION };
	struct session s = { 0 };
	bool stdio;
	int lfd = -1, err;

	if (parse_args(argc, argv, &opts))
		return 2;
	/* A client that vanishes must not kill us with SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	err = target_init(&t);
	if (err) {
		fprintf(stderr, "a64stub: cannot set up: %s\n", strerror(-err));
		return 1;
	}
	err = target_probe_abi(&t);
	if (err)
		fprintf(stderr, "a64stub: cannot probe the kernel's ptrace ABI: %s\n",
			strerror(-err));
	if (opts.version) {
		printf("a64stub %s\nsyscall registers: %s\n", A64STUB_VERSION,
		       target_abi_name(&t));
		return 0;
	}
	if (opts.debug)
		fprintf(stderr, "a64stub: syscall registers: %s\n",
			target_abi_name(&t));
	s.t = &t;
	s.conn = &conn;
	s.opts = &opts;
	s.use_shell = opts.use_shell;
	s.txbuf = malloc(PKT_MAX + 8);
	s.replybuf = malloc(PKT_MAX + 1);
	if (!s.txbuf || !s.replybuf)
		return 1;
	if (opts.argv || opts.attach_pid) {
		struct reply r = { .buf = s.replybuf, .cap = PKT_MAX };

		if (opts.argv ? session_launch(&s, opts.argv, &r) :
				session_attach(&s, opts.attach_pid, &r))
			return 1;
	}
	stdio = !strcmp(opts.comm, "-");
	if (!stdio) {
		const char *why = NULL;

		lfd = conn_listen(opts.comm, &why);
		if (lfd < 0) {
			fprintf(stderr, "a64stub: cannot listen on %s: %s\n",
				opts.comm, why);
			finish(&t);
			return 1;
		}
	}
	for (;;) {
		if (stdio) {
			conn_stdio(&conn);
		} else if (conn_accept(&conn, lfd)) {
			fprintf(stderr, "a64stub: accept failed: %s (restart the stub)\n",
				strerror(errno));
			break;
		}
		server_run(&s);
		/* The watcher holds the socket open: end it first. */
		target_unwatch(&t);
		conn_close(&conn);
		if (stdio || opts.once)
			break;
		/* Without --multi there is nothing to serve once programs end. */
		if (!opts.multi && !target_first_process(&t))
			break;
		fprintf(stderr, "a64stub: client gone; listening again\n");
	}
	finish(&t);
	session_free(&s);
	return 0;
}
