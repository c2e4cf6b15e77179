// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
/*
 * Command-line, listener and stdio checks of a64stub, run natively in the
 * guest from /extra/boot.d (before the guest's own stubs listen): each
 * starts the stub with a command line, talks to it as a client where it
 * listens, and prints one line, "PASS hardening/NAME", "FAIL
 * hardening/NAME (why)" or "SKIP hardening/NAME (why)", which
 * tests/hardening/run.sh picks from the console.
 *   sec_checks [STUB [EXTRA]]     (default /bin/a64stub and /extra)
 * A stub at EXTRA/a64stub is tested instead of /bin/a64stub when there is
 * one (an older build, to see which checks fail before a fix).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define TIMEOUT_MS	8000

static const char *stub = "/bin/a64stub";
static char prog[512], sprog[512];	/* hard_prog, sec_prog */
static int failures;

/* A stub being tested: its pid, its stderr so far, and its pipes. */
struct run {
	pid_t pid;
	int errfd, infd, outfd;	/* -1 unless asked for */
	char err[8192];
	size_t errlen;
	int status;		/* once it has ended */
	bool ended;
};

static void result(const char *name, const char *fmt, ...)
{
	char why[1024] = "";
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof(why), fmt, ap);
		va_end(ap);
	}
	if (!fmt)
		printf("PASS hardening/%s\n", name);
	else if (!strncmp(why, "SKIP ", 5))
		printf("SKIP hardening/%s (%s)\n", name, why + 5);
	else
		printf("FAIL hardening/%s (%s)\n", name, why);
	failures += fmt && strncmp(why, "SKIP ", 5);
	fflush(stdout);
}

static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			*s = '|';
}

/*
 * Start the stub with @args (NULL-terminated, after argv[0]); stderr into
 * a pipe we read; stdin and stdout pipes too if @pipes, else /dev/null.
 */
static int start(struct run *r, bool pipes, const char *const *args)
{
	int e[2], in[2] = { -1, -1 }, out[2] = { -1, -1 };
	const char *argv[32];
	int n = 0;

	memset(r, 0, sizeof(*r));
	r->infd = r->outfd = -1;
	argv[n++] = "a64stub";
	while (*args && n < 31)
		argv[n++] = *args++;
	argv[n] = NULL;
	if (pipe2(e, O_CLOEXEC) || (pipes && (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC))))
		return -1;
	r->pid = fork();
	if (r->pid < 0)
		return -1;
	if (r->pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(pipes ? in[0] : null, 0);
		dup2(pipes ? out[1] : null, 1);
		dup2(e[1], 2);
		execv(stub, (char **)argv);
		_exit(127);
	}
	close(e[1]);
	r->errfd = e[0];
	if (pipes) {
		close(in[0]);
		close(out[1]);
		r->infd = in[1];
		r->outfd = out[0];
	}
	return 0;
}

/* Read the stub's stderr until @needle shows up, it closes, or time is up. */
static bool wait_err(struct run *r, const char *needle)
{
	struct pollfd p = { .fd = r->errfd, .events = POLLIN };

	for (;;) {
		ssize_t n;

		r->err[r->errlen] = '\0';
		if (needle && strstr(r->err, needle))
			return true;
		if (r->errfd < 0 || poll(&p, 1, TIMEOUT_MS) <= 0)
			return false;
		n = read(r->errfd, r->err + r->errlen, sizeof(r->err) - 1 - r->errlen);
		if (n <= 0) {
			close(r->errfd);
			r->errfd = -1;
			r->err[r->errlen] = '\0';
			return needle ? strstr(r->err, needle) != NULL : true;
		}
		r->errlen += (size_t)n;
	}
}

/* Wait (bounded) for the stub to end.  Returns: true if it did. */
static bool wait_end(struct run *r)
{
	int pfd = (int)syscall(SYS_pidfd_open, r->pid, 0);
	struct pollfd p = { .fd = pfd, .events = POLLIN };

	if (r->ended)
		return true;
	if (pfd >= 0) {
		poll(&p, 1, TIMEOUT_MS);
		close(pfd);
	}
	if (waitpid(r->pid, &r->status, WNOHANG) != r->pid)
		return false;
	r->ended = true;
	wait_err(r, NULL);	/* the rest of its stderr */
	return true;
}

/* End the stub whatever it does, and reap it. */
static void end_run(struct run *r)
{
	if (!r->pid)
		return;
	if (!r->ended) {
		kill(r->pid, SIGKILL);
		waitpid(r->pid, &r->status, 0);
		r->ended = true;
	}
	if (r->errfd >= 0)
		close(r->errfd);
	if (r->infd >= 0)
		close(r->infd);
	if (r->outfd >= 0)
		close(r->outfd);
	r->errfd = r->infd = r->outfd = -1;
}

/* ---- a minimal client ---- */

static int connect_addr(int family, const char *where)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len;
	int fd;

	if (family == AF_UNIX) {
		struct sockaddr_un *sun = (struct sockaddr_un *)&ss;

		sun->sun_family = AF_UNIX;
		snprintf(sun->sun_path, sizeof(sun->sun_path), "%s", where);
		len = sizeof(*sun);
	} else if (family == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		inet_pton(AF_INET6, "::1", &s6->sin6_addr);
		s6->sin6_port = htons((uint16_t)atoi(where));
		len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		s4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		s4->sin_port = htons((uint16_t)atoi(where));
		len = sizeof(*s4);
	}
	fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&ss, len)) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * Send @payload as a packet on @wfd and read the reply's payload from
 * @rfd into @reply (acks skipped; no escapes in what we ask for).
 * Returns: 0, or -1 on a timeout or a closed stream.
 */
static int rsp(int wfd, int rfd, const char *payload, char *reply, size_t cap)
{
	char pkt[1024], c;
	unsigned int sum = 0;
	struct pollfd p = { .fd = rfd, .events = POLLIN };
	size_t n = 0;
	int state = 0;		/* 0 before '$', 1 in the payload, 2-3 checksum */

	for (const char *q = payload; *q; q++)
		sum += (unsigned char)*q;
	snprintf(pkt, sizeof(pkt), "$%s#%02x", payload, sum & 0xff);
	if (write(wfd, pkt, strlen(pkt)) != (ssize_t)strlen(pkt))
		return -1;
	while (state < 3) {
		if (poll(&p, 1, TIMEOUT_MS) <= 0 || read(rfd, &c, 1) != 1)
			return -1;
		if (state == 0 && c == '$')
			state = 1;
		else if (state == 1 && c == '#')
			state = 2;
		else if (state == 1 && n + 1 < cap)
			reply[n++] = c;
		else if (state == 2)
			state = 3;
	}
	if (poll(&p, 1, TIMEOUT_MS) <= 0 || read(rfd, &c, 1) != 1)
		return -1;
	reply[n] = '\0';
	return write(wfd, "+", 1) == 1 ? 0 : -1;
}

/* Connect, then qSupported and '?'.  Returns: NULL or what went wrong. */
static const char *talk(int family, const char *where, char *stop, size_t cap)
{
	static char why[256];
	char reply[4096];
	int fd = connect_addr(family, where);

	if (fd < 0) {
		snprintf(why, sizeof(why), "cannot connect to %s: %s", where, strerror(errno));
		return why;
	}
	if (rsp(fd, fd, "qSupported:multiprocess+", reply, sizeof(reply)) ||
	    !strstr(reply, "PacketSize=")) {
		close(fd);
		return "no qSupported reply";
	}
	if (rsp(fd, fd, "?", stop, cap)) {
		close(fd);
		return "no reply to '?'";
	}
	close(fd);
	return NULL;
}

/* ---- the checks ---- */

static char expected_warning[512];

static void set_expected_warning(int port)
{
	/* The guest runs everything as root. */
	snprintf(expected_warning, sizeof(expected_warning),
		 "Listening on port %d|a64stub: warning: listening on all interfaces (port %d): anyone who can reach it can run programs and read and write files as root (uid 0); listen on 127.0.0.1:%d or unix:PATH to restrict it (man a64stub, SECURITY)|",
		 port, port, port);
}

/* A stub on @comm (port @port) warns, exactly, or says nothing. */
static void check_warning(const char *name, const char *comm, int port,
			  int family, bool warns)
{
	const char *args[] = { "--once", comm, prog, NULL };
	char stop[256];
	const char *why;
	struct run r;

	set_expected_warning(port);
	start(&r, false, args);
	if (!wait_err(&r, "Listening on port")) {
		one_line(r.err);
		result(name, "the stub did not listen: %s", r.err);
		end_run(&r);
		return;
	}
	/* Once it serves a client, it has said all it says at start. */
	why = talk(family, strrchr(comm, ':') + 1, stop, sizeof(stop));
	wait_err(&r, "Remote debugging from");
	end_run(&r);
	one_line(r.err);
	if (why)
		result(name, "%s", why);
	else if (warns && !strstr(r.err, expected_warning))
		result(name, "no exact warning line; stderr: %s", r.err);
	else if (!warns && strstr(r.err, "warning"))
		result(name, "a warning for a loopback address: %s", r.err);
	else
		result(name, NULL);
}

static bool have_ipv6(const char **why)
{
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	char line[256];
	bool lo = false;
	FILE *f;

	if (fd < 0) {
		*why = "SKIP this kernel has no IPv6 (CONFIG_IPV6)";
		return false;
	}
	close(fd);
	f = fopen("/proc/net/if_inet6", "r");
	while (f && fgets(line, sizeof(line), f))
		lo |= !strncmp(line, "00000000000000000000000000000001", 32);
	if (f)
		fclose(f);
	if (!lo) {
		*why = "SKIP lo has no ::1";
		return false;
	}
	return true;
}

static mode_t sock_mode(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? 0 : st.st_mode;
}

static bool gone(const char *path)
{
	struct stat st;

	return lstat(path, &st) && errno == ENOENT;
}

/* Start a stub on unix:@path with @extra options before it. */
static bool start_unix(struct run *r, const char *path, const char *const *args)
{
	char want[256];

	start(r, false, args);
	snprintf(want, sizeof(want), "Listening on unix socket %s", path);
	return wait_err(r, want);
}

static void unix_once(void)
{
	const char *path = "/tmp/sec-once.sock";
	const char *args[] = { "--once", "unix:/tmp/sec-once.sock", prog, NULL };
	char stop[256];
	const char *why;
	struct run r;
	mode_t m;

	unlink(path);
	if (!start_unix(&r, path, args)) {
		one_line(r.err);
		result("unix-once", "no listener: %s", r.err);
		end_run(&r);
		return;
	}
	m = sock_mode(path);
	why = talk(AF_UNIX, path, stop, sizeof(stop));
	if (why)
		result("unix-once", "%s", why);
	else if (stop[0] != 'T')
		result("unix-once", "'?' says %s", stop);
	else
		result("unix-once", NULL);
	if (m != (S_IFSOCK | 0600))
		result("unix-mode-0600", "mode %o, expected %o", m, S_IFSOCK | 0600);
	else
		result("unix-mode-0600", NULL);
	if (!wait_end(&r))
		result("unix-removed-at-exit", "the --once stub did not end after its client");
	else if (!gone(path))
		result("unix-removed-at-exit", "%s is still there after exit", path);
	else if (!WIFEXITED(r.status) || WEXITSTATUS(r.status))
		result("unix-removed-at-exit", "exit status 0x%x", r.status);
	else
		result("unix-removed-at-exit", NULL);
	end_run(&r);
}

static void unix_signal(const char *name, int sig, const char *mode,
			mode_t want)
{
	const char *path = "/tmp/sec-sig.sock";
	const char *args[] = { "--socket-mode", mode, "unix:/tmp/sec-sig.sock", prog, NULL };
	struct run r;
	mode_t m;

	unlink(path);
	if (!start_unix(&r, path, args)) {
		one_line(r.err);
		result(name, "no listener: %s", r.err);
		end_run(&r);
		return;
	}
	m = sock_mode(path);
	kill(r.pid, sig);
	if (!wait_end(&r))
		result(name, "the stub did not end on signal %d", sig);
	else if (!WIFSIGNALED(r.status) || WTERMSIG(r.status) != sig)
		result(name, "status 0x%x, expected death by signal %d", r.status, sig);
	else if (!gone(path))
		result(name, "%s is left after signal %d", path, sig);
	else if (m != (S_IFSOCK | want))
		result(name, "mode %o, expected %o", m, S_IFSOCK | want);
	else
		result(name, NULL);
	end_run(&r);
}

static void unix_stale(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX, .sun_path = "/tmp/sec-stale.sock" };
	const char *args[] = { "--once", "unix:/tmp/sec-stale.sock", prog, NULL };
	char stop[256];
	const char *why;
	struct run r;
	int fd;

	unlink(sa.sun_path);
	/* A socket file nobody listens on: what a killed server leaves. */
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		result("unix-stale-replaced", "cannot make a stale socket: %s", strerror(errno));
		return;
	}
	close(fd);
	if (!start_unix(&r, sa.sun_path, args)) {
		one_line(r.err);
		result("unix-stale-replaced", "refused a stale socket: %s", r.err);
		end_run(&r);
		return;
	}
	why = talk(AF_UNIX, sa.sun_path, stop, sizeof(stop));
	result("unix-stale-replaced", why ? "%s" : NULL, why);
	end_run(&r);
	unlink(sa.sun_path);
}

static void unix_live(void)
{
	const char *path = "/tmp/sec-live.sock";
	const char *a1[] = { "--multi", "unix:/tmp/sec-live.sock", NULL };
	const char *a2[] = { "--multi", "unix:/tmp/sec-live.sock", NULL };
	struct run r1, r2;
	struct stat st1, st2;
	char stop[256];
	const char *why;

	unlink(path);
	if (!start_unix(&r1, path, a1)) {
		one_line(r1.err);
		result("unix-live-refused", "no first listener: %s", r1.err);
		end_run(&r1);
		return;
	}
	lstat(path, &st1);
	start(&r2, false, a2);
	if (!wait_end(&r2)) {
		result("unix-live-refused", "a second stub took over a live socket");
	} else {
		lstat(path, &st2);
		one_line(r2.err);
		/* The first one still serves, on its own socket file. */
		why = talk(AF_UNIX, path, stop, sizeof(stop));
		if (!WIFEXITED(r2.status) || WEXITSTATUS(r2.status) != 1)
			result("unix-live-refused", "second stub: status 0x%x", r2.status);
		else if (!strstr(r2.err, "a64stub: cannot listen on unix:/tmp/sec-live.sock: a server listens on that socket already"))
			result("unix-live-refused", "message: %s", r2.err);
		else if (st1.st_ino != st2.st_ino)
			result("unix-live-refused", "the socket file was replaced");
		else if (why)
			result("unix-live-refused", "the first stub: %s", why);
		else
			result("unix-live-refused", NULL);
	}
	end_run(&r2);
	/* --multi: it listens again after a client, and SIGTERM cleans up. */
	why = talk(AF_UNIX, path, stop, sizeof(stop));
	kill(r1.pid, SIGTERM);
	if (why)
		result("unix-multi", "second client: %s", why);
	else if (!wait_end(&r1) || !gone(path))
		result("unix-multi", "not ended or %s left after SIGTERM", path);
	else
		result("unix-multi", NULL);
	end_run(&r1);
}

static void unix_not_socket(void)
{
	const char *path = "/tmp/sec-file";
	const char *args[] = { "unix:/tmp/sec-file", prog, NULL };
	char buf[16] = "";
	struct run r;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "keep", 4) != 4) {
		result("unix-not-socket", "cannot write %s", path);
		return;
	}
	close(fd);
	start(&r, false, args);
	if (!wait_end(&r)) {
		result("unix-not-socket", "the stub listens over a regular file");
		end_run(&r);
		return;
	}
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf) - 1) < 0)
			buf[0] = '\0';
		close(fd);
	}
	one_line(r.err);
	if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 1)
		result("unix-not-socket", "status 0x%x", r.status);
	else if (!strstr(r.err, "a64stub: cannot listen on unix:/tmp/sec-file: the path exists and is not a socket: refusing to replace it"))
		result("unix-not-socket", "message: %s", r.err);
	else if (strstr(r.err, "created"))
		result("unix-not-socket", "the program was started: %s", r.err);
	else if (strcmp(buf, "keep"))
		result("unix-not-socket", "the file now holds '%s'", buf);
	else
		result("unix-not-socket", NULL);
	end_run(&r);
	unlink(path);
}

static void unix_attach(void)
{
	const char *path = "/tmp/sec-attach.sock";
	char pidstr[16], stop[256], status[64];
	const char *args[] = { "--once", "--attach", "unix:/tmp/sec-attach.sock", pidstr, NULL };
	const char *why;
	struct run r;
	pid_t pid = fork();

	if (pid == 0) {
		execl(prog, prog, (char *)NULL);
		_exit(127);
	}
	snprintf(pidstr, sizeof(pidstr), "%d", pid);
	if (!start_unix(&r, path, args)) {
		one_line(r.err);
		result("unix-attach", "no listener: %s", r.err);
	} else {
		why = talk(AF_UNIX, path, stop, sizeof(stop));
		snprintf(status, sizeof(status), "thread:p%x.", pid);
		if (why)
			result("unix-attach", "%s", why);
		else if (!strstr(stop, status))
			result("unix-attach", "'?' says %s", stop);
		else if (!wait_end(&r) || !gone(path))
			result("unix-attach", "the --once stub did not end and clean up");
		else if (kill(pid, 0))
			result("unix-attach", "the attached program is gone");
		else
			result("unix-attach", NULL);
	}
	end_run(&r);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static void ipv6(void)
{
	const char *why6 = NULL;
	const char *a1[] = { "--once", "[::1]:1306", prog, NULL };
	const char *a2[] = { "--multi", "[::]:1307", NULL };
	char stop[256];
	const char *why;
	struct run r;

	if (!have_ipv6(&why6)) {
		result("ipv6-loopback", "%s", why6);
		result("ipv6-any", "%s", why6);
		result("warn-ipv6-any", "%s", why6);
		result("no-warn-ipv6-loopback", "%s", why6);
		return;
	}
	check_warning("no-warn-ipv6-loopback", "[::1]:1304", 1304, AF_INET6, false);
	check_warning("warn-ipv6-any", "[::]:1305", 1305, AF_INET6, true);
	start(&r, false, a1);
	if (!wait_err(&r, "Listening on port 1306")) {
		one_line(r.err);
		result("ipv6-loopback", "no listener: %s", r.err);
	} else {
		why = talk(AF_INET6, "1306", stop, sizeof(stop));
		wait_err(&r, "Remote debugging from host ::1,");
		one_line(r.err);
		if (why)
			result("ipv6-loopback", "%s", why);
		else if (stop[0] != 'T')
			result("ipv6-loopback", "'?' says %s", stop);
		else if (!strstr(r.err, "Remote debugging from host ::1, port "))
			result("ipv6-loopback", "stderr: %s", r.err);
		else
			result("ipv6-loopback", NULL);
	}
	end_run(&r);
	/* [::] takes IPv4 clients too, as gdbserver's [::]:PORT does. */
	start(&r, false, a2);
	if (!wait_err(&r, "Listening on port 1307")) {
		result("ipv6-any", "no listener");
	} else {
		why = talk(AF_INET6, "1307", stop, sizeof(stop));
		if (!why)
			why = talk(AF_INET, "1307", stop, sizeof(stop));
		result("ipv6-any", why ? "%s" : NULL, why);
	}
	end_run(&r);
}

static void stdio_redirect(void)
{
	const char *args[] = { "-", sprog, "stdio", NULL };
	char reply[256] = "";
	struct run r;
	int err;

	start(&r, true, args);
	err = rsp(r.infd, r.outfd, "qSupported", reply, sizeof(reply));
	if (!err)
		err = rsp(r.infd, r.outfd, "vCont;c", reply, sizeof(reply));
	close(r.infd);
	r.infd = -1;
	wait_end(&r);
	one_line(r.err);
	if (err)
		result("stdio-redirect", "no reply (the program took the protocol's input?); stderr: %s", r.err);
	else if (strncmp(reply, "W03", 3))
		result("stdio-redirect", "reply '%s', expected W03: the program's output reached GDB", reply);
	else if (!strstr(r.err, "stdin/stdout redirected"))
		result("stdio-redirect", "no 'stdin/stdout redirected' line: %s", r.err);
	else if (!strstr(r.err, "$W00#b7sec_prog: read 0 bytes from stdin"))
		result("stdio-redirect", "the program's stdout and stdin are not the stub's stderr and /dev/null: %s", r.err);
	else
		result("stdio-redirect", NULL);
	end_run(&r);
}

/* The stub exits with @code and @msg on stderr, without starting @prog. */
static void check_refusal(const char *name, const char *const *args, int code,
			  const char *msg)
{
	struct run r;

	start(&r, false, args);
	if (!wait_end(&r)) {
		end_run(&r);
		one_line(r.err);
		result(name, "the stub did not exit; stderr: %s", r.err);
		return;
	}
	end_run(&r);
	one_line(r.err);
	if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != code)
		result(name, "status 0x%x, expected exit %d; stderr: %s", r.status, code, r.err);
	else if (!strstr(r.err, msg))
		result(name, "no '%s' in: %s", msg, r.err);
	else if (strstr(r.err, "created"))
		result(name, "a program was started: %s", r.err);
	else
		result(name, NULL);
}

static void messages(void)
{
	char zpid[16], msg[128];
	pid_t z;

	{
		const char *a[] = { "--attach", ":1310", "99999", NULL };

		check_refusal("attach-no-such-process", a, 1,
			      "a64stub: cannot attach to process 99999: No such process");
	}
	z = fork();
	if (z == 0)
		_exit(0);
	/* A zombie once it has exited and is not reaped. */
	waitid(P_PID, (id_t)z, NULL, WEXITED | WNOWAIT);
	snprintf(zpid, sizeof(zpid), "%d", z);
	snprintf(msg, sizeof(msg), "a64stub: process %d is a zombie - the process has already terminated", z);
	{
		const char *a[] = { "--attach", ":1311", zpid, NULL };

		check_refusal("attach-zombie", a, 1, msg);
	}
	waitpid(z, NULL, 0);
	{
		const char *a[] = { "--attach", ":1312", "abc", NULL };

		check_refusal("attach-not-a-pid", a, 2,
			      "a64stub: --attach: 'abc' is not a process id (a positive decimal number)");
	}
	{
		const char *a[] = { "--attach", ":1313", "1", NULL };

		check_refusal("attach-pid1", a, 1,
			      "a64stub: refusing to attach to process 1 (init)");
	}
	{
		const char *a[] = { "nohost:1314", prog, NULL };

		check_refusal("bad-comm-syntax", a, 2, "a64stub: bad COMM 'nohost:1314'");
	}
	{
		const char *a[] = { "10.9.8.7:1315", prog, NULL };

		check_refusal("bad-comm-first", a, 1,
			      "a64stub: cannot listen on 10.9.8.7:1315: HOST is not an address of this machine");
	}
	{
		const char *a[] = { "-x", ":1316", prog, NULL };

		check_refusal("unknown-short-option", a, 2, "a64stub: unknown option -x (see --help)");
	}
	{
		const char *a[] = { "--socket-mode", "0660", ":1317", prog, NULL };

		check_refusal("socket-mode-tcp", a, 2,
			      "a64stub: --socket-mode is for a unix:PATH COMM only");
	}
	{
		const char *script = "/tmp/sec-noint.sh";
		const char *a[] = { ":1318", script, NULL };
		int fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);

		if (fd < 0 || write(fd, "#!/no/such/interp -x\n", 21) != 21) {
			result("script-no-interpreter", "cannot write %s", script);
		} else {
			close(fd);
			check_refusal("script-no-interpreter", a, 1,
				      "a64stub: cannot run '/tmp/sec-noint.sh': its interpreter '/no/such/interp' (the script's #! line) does not exist in the target");
		}
		unlink(script);
	}
}

int main(int argc, char **argv)
{
	const char *extra = argc > 2 ? argv[2] : "/extra";

	char alt[512];

	snprintf(alt, sizeof(alt), "%s/a64stub", extra);
	if (argc > 1)
		stub = argv[1];
	else if (!access(alt, X_OK))
		stub = alt;
	snprintf(prog, sizeof(prog), "%s/hard_prog", extra);
	snprintf(sprog, sizeof(sprog), "%s/sec_prog", extra);
	signal(SIGPIPE, SIG_IGN);
	check_warning("warn-all-interfaces", ":1301", 1301, AF_INET, true);
	check_warning("warn-0.0.0.0", "0.0.0.0:1302", 1302, AF_INET, true);
	check_warning("no-warn-127.0.0.1", "127.0.0.1:1303", 1303, AF_INET, false);
	ipv6();
	unix_once();
	unix_signal("unix-sigterm-mode-0660", SIGTERM, "0660", 0660);
	unix_signal("unix-sigint", SIGINT, "600", 0600);
	unix_stale();
	unix_live();
	unix_not_socket();
	unix_attach();
	stdio_redirect();
	messages();
	return failures ? 1 : 0;
}
