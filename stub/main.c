// SPDX-License-Identifier: MIT
/*
 * a64stub: a gdbserver-compatible remote stub for arm64 Linux that shows
 * every register at syscall stops.  Command line as gdbserver's:
 *	a64stub [OPTIONS] COMM PROG [ARGS...]
 *	a64stub [OPTIONS] --multi COMM
 *	a64stub [OPTIONS] --attach COMM PID
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
	      "COMM is where to wait for GDB:\n"
	      "  HOST:PORT               TCP on an IPv4 address (127.0.0.1:1234)\n"
	      "  :PORT                   TCP on all interfaces, as gdbserver (warns)\n"
	      "  [ADDR]:PORT             TCP on an IPv6 address ([::1]:1234; [::]:1234\n"
	      "                          is all interfaces)\n"
	      "  unix:PATH               a Unix-domain socket, mode 0600\n"
	      "  -                       stdin/stdout (programs get /dev/null as\n"
	      "                          stdin, and the stub's stderr as stdout)\n"
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
	      "  --socket-mode MODE      the unix:PATH socket's mode (octal; 0600)\n"
	      "  --debug, --remote-debug log every packet on stderr\n"
	      "  --help                  show this help and exit\n"
	      "  --version               show the version and exit\n"
	      "\n"
	      "Whoever can connect to COMM can run programs and read and write\n"
	      "files as the stub's user: listen on 127.0.0.1 or unix:PATH, or use\n"
	      "- over ssh, on shared networks (man a64stub, SECURITY).\n", f);
}

/* Command-line settings only main() needs. */
struct cmdline {
	unsigned int socket_mode;
	bool socket_mode_set;
};

/* MODE of --socket-mode: octal permission bits.  Returns: 0 or -EINVAL. */
static int parse_mode(const char *arg, struct cmdline *cl)
{
	unsigned long m;
	char *end;

	errno = 0;
	m = strtoul(arg, &end, 8);
	if (!*arg || *end || errno || m > 0777) {
		fprintf(stderr, "a64stub: --socket-mode takes octal permission bits, e.g. 0660 (got '%s')\n",
			arg);
		return -EINVAL;
	}
	cl->socket_mode = (unsigned int)m;
	cl->socket_mode_set = true;
	return 0;
}

/* The PID of --attach.  Returns: 0 or -EINVAL, with the reason printed. */
static int parse_pid(const char *arg, pid_t *pid)
{
	long v;
	char *end;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (!*arg || *end || errno || v <= 0 || v > 0x7fffffff) {
		fprintf(stderr, "a64stub: --attach: '%s' is not a process id (a positive decimal number)\n",
			arg);
		return -EINVAL;
	}
	*pid = (pid_t)v;
	return 0;
}

static int parse_args(int argc, char **argv, struct options *o,
		      struct cmdline *cl)
{
	const char *why;
	int i;

	/* Options come before COMM, as gdbserver's; "-" alone is a COMM. */
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
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
		} else if (!strncmp(a, "--socket-mode=", 14)) {
			if (parse_mode(a + 14, cl))
				return -EINVAL;
		} else if (!strcmp(a, "--socket-mode")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "a64stub: --socket-mode needs a MODE (e.g. 0660)\n");
				return -EINVAL;
			}
			if (parse_mode(argv[++i], cl))
				return -EINVAL;
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
	/* A bad COMM is found before any program starts. */
	if (conn_check(o->comm, &why)) {
		fprintf(stderr, "a64stub: bad COMM '%s': %s\n", o->comm, why);
		return -EINVAL;
	}
	if (cl->socket_mode_set && strncmp(o->comm, "unix:", 5)) {
		fprintf(stderr, "a64stub: --socket-mode is for a unix:PATH COMM only\n");
		return -EINVAL;
	}
	if (o->attach) {
		if (i + 1 != argc) {
			fprintf(stderr, "a64stub: --attach takes COMM and one PID (a64stub --attach :1234 PID)\n");
			return -EINVAL;
		}
		return parse_pid(argv[i], &o->attach_pid);
	}
	if (i < argc)
		o->argv = &argv[i];
	if (!o->multi && !o->argv) {
		fprintf(stderr, "a64stub: no program given: name one, or use --multi\n");
		return -EINVAL;
	}
	return 0;
}

/*
 * The listener, for the exit and signal handlers that remove its socket
 * file: the one piece of state they cannot be handed.
 */
static struct listener *exit_listener;

static void unlisten_at_exit(void)
{
	if (exit_listener)
		conn_unlisten(exit_listener);
}

/* SIGTERM, SIGINT, SIGHUP: remove the socket file, then die of @sig. */
static void unlisten_on_signal(int sig)
{
	unlisten_at_exit();
	signal(sig, SIG_DFL);
	raise(sig);
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
	static struct listener lis = { .fd = -1 };
	struct options opts = { .version_string = A64STUB_VERSION };
	struct cmdline cl = { .socket_mode = CONN_UNIX_MODE };
	struct session s = { 0 };
	char warning[512];
	bool stdio;
	int err;

	if (parse_args(argc, argv, &opts, &cl))
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
	/* The connection first: a COMM that cannot work starts nothing. */
	stdio = !strcmp(opts.comm, "-");
	if (stdio) {
		err = conn_stdio(&conn);
		if (err) {
			fprintf(stderr, "a64stub: cannot set up stdin/stdout: %s\n",
				strerror(-err));
			return 1;
		}
		fprintf(stderr, "stdin/stdout redirected: programs get /dev/null as stdin and this stderr as stdout\n");
	} else {
		const char *why = NULL;

		if (conn_listen(&lis, opts.comm, cl.socket_mode, &why)) {
			fprintf(stderr, "a64stub: cannot listen on %s: %s\n",
				opts.comm, why);
			return 1;
		}
		if (lis.unix_sock) {
			exit_listener = &lis;
			atexit(unlisten_at_exit);
			signal(SIGTERM, unlisten_on_signal);
			signal(SIGINT, unlisten_on_signal);
			signal(SIGHUP, unlisten_on_signal);
		}
	}
	if (opts.argv || opts.attach_pid) {
		struct reply r = { .buf = s.replybuf, .cap = PKT_MAX };

		if (opts.argv ? session_launch(&s, opts.argv, &r) :
				session_attach(&s, opts.attach_pid, &r)) {
			conn_unlisten(&lis);
			return 1;
		}
	}
	if (!stdio) {
		fprintf(stderr, "Listening on %s\n", lis.desc);
		if (*conn_exposure(&lis, warning, sizeof(warning)))
			fprintf(stderr, "%s\n", warning);
	}
	for (;;) {
		if (!stdio && conn_accept(&conn, &lis)) {
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
	conn_unlisten(&lis);
	return 0;
}
