// SPDX-License-Identifier: MIT
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "conn.h"

/* COMM taken apart. */
struct comm_spec {
	int family;		/* AF_INET, AF_INET6 or AF_UNIX */
	char host[64];		/* numeric address, "" for every interface */
	long port;
	const char *path;	/* AF_UNIX */
};

#define UNIX_PREFIX	"unix:"

/*
 * The forms gdbserver 13.1 takes (parse_connection_spec_without_prefix()
 * in gdbsupport/netstuff.cc): "[ADDR]:PORT" and, with more than one ':',
 * "ADDR:PORT" are IPv6; "HOST:PORT" and ":PORT" IPv4 here (gdbserver
 * resolves HOST, we take numbers and "localhost" only: no resolver in a
 * static binary).  "unix:PATH" is ours.
 */
static int parse_comm(const char *comm, struct comm_spec *sp, const char **err)
{
	const char *colon, *host = comm;
	size_t hlen;
	char *end;

	memset(sp, 0, sizeof(*sp));
	if (!strncmp(comm, UNIX_PREFIX, strlen(UNIX_PREFIX))) {
		sp->family = AF_UNIX;
		sp->path = comm + strlen(UNIX_PREFIX);
		if (!*sp->path) {
			*err = "unix: needs a path (unix:/run/a64stub.sock)";
			return -EINVAL;
		}
		if (strlen(sp->path) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
			*err = "the socket path is too long (at most 107 bytes)";
			return -ENAMETOOLONG;
		}
		return 0;
	}
	sp->family = AF_INET;
	colon = strrchr(comm, ':');
	if (comm[0] == '[') {
		const char *close = strchr(comm, ']');

		if (!close || close[1] != ':') {
			*err = "an IPv6 COMM is [ADDR]:PORT, e.g. [::1]:1234";
			return -EINVAL;
		}
		sp->family = AF_INET6;
		host = comm + 1;
		hlen = (size_t)(close - host);
		colon = close + 1;
	} else if (!colon) {
		*err = "COMM must be HOST:PORT, :PORT, [IPV6]:PORT, unix:PATH or -";
		return -EINVAL;
	} else {
		if (strchr(comm, ':') != colon)
			sp->family = AF_INET6;	/* more than one ':' */
		hlen = (size_t)(colon - comm);
	}
	if (hlen >= sizeof(sp->host)) {
		*err = "HOST is too long";
		return -EINVAL;
	}
	memcpy(sp->host, host, hlen);
	sp->host[hlen] = '\0';
	errno = 0;
	sp->port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || errno || sp->port <= 0 || sp->port > 65535) {
		*err = "the port must be a number from 1 to 65535";
		return -EINVAL;
	}
	if (sp->family == AF_INET) {
		struct in_addr a;

		if (sp->host[0] && strcmp(sp->host, "localhost") &&
		    inet_pton(AF_INET, sp->host, &a) != 1) {
			*err = "HOST must be an IPv4 address, localhost, or [an IPv6 address]";
			return -EINVAL;
		}
	} else {
		struct in6_addr a;

		if (inet_pton(AF_INET6, sp->host, &a) != 1) {
			*err = "not an IPv6 address (write [::1]:PORT or [::]:PORT)";
			return -EINVAL;
		}
	}
	return 0;
}

int conn_check(const char *comm, const char **err)
{
	struct comm_spec sp;

	if (!strcmp(comm, "-"))
		return 0;
	return parse_comm(comm, &sp, err);
}

static const char *listen_error(int e)
{
	switch (e) {
	case EADDRINUSE:
		return "the port is in use (another a64stub or gdbserver?): pick another port or stop that server";
	case EACCES:
		return "ports below 1024 need privileges: pick a port above 1024";
	case EADDRNOTAVAIL:
		return "HOST is not an address of this machine: use :PORT or 127.0.0.1:PORT";
	case EAFNOSUPPORT:
		return "this kernel has no IPv6 (CONFIG_IPV6): use an IPv4 address";
	default:
		return strerror(e);
	}
}

static int listen_tcp(struct listener *l, const struct comm_spec *sp,
		      const char **err)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len;
	int fd, one = 1;

	if (sp->family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)sp->port);
		if (!sp->host[0])
			sin->sin_addr.s_addr = htonl(INADDR_ANY);	/* as gdbserver */
		else if (!strcmp(sp->host, "localhost"))
			sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		else
			inet_pton(AF_INET, sp->host, &sin->sin_addr);
		l->all_interfaces = sin->sin_addr.s_addr == htonl(INADDR_ANY);
		len = sizeof(*sin);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)sp->port);
		inet_pton(AF_INET6, sp->host, &sin6->sin6_addr);
		/*
		 * [::] takes IPv4 clients too unless the system says
		 * otherwise (net.ipv6.bindv6only), as gdbserver's does.
		 */
		l->all_interfaces = IN6_IS_ADDR_UNSPECIFIED(&sin6->sin6_addr);
		len = sizeof(*sin6);
	}
	fd = socket(sp->family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		int e = errno;

		*err = listen_error(e);
		return -e;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) || listen(fd, 1)) {
		int e = errno;

		*err = listen_error(e);
		close(fd);
		return -e;
	}
	l->fd = fd;
	l->port = (int)sp->port;
	snprintf(l->desc, sizeof(l->desc), "port %ld", sp->port);
	return 0;
}

/*
 * Is there a socket file at @sa's path that nobody listens on?  Only a
 * connect() can tell; a live server sees one client come and go.
 * Returns: 0 if it is stale (and removed), or -errno with @err set.
 */
static int remove_stale(const struct sockaddr_un *sa, const char **err)
{
	struct stat st;
	int fd, e;

	if (lstat(sa->sun_path, &st)) {
		if (errno == ENOENT)
			return 0;
		e = errno;
		*err = strerror(e);
		return -e;
	}
	if (!S_ISSOCK(st.st_mode)) {
		*err = "the path exists and is not a socket: refusing to replace it (remove it or pick another path)";
		return -EEXIST;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		e = errno;
		*err = strerror(e);
		return -e;
	}
	e = connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) ? errno : 0;
	close(fd);
	if (!e) {
		*err = "a server listens on that socket already (another a64stub?): stop it or pick another path";
		return -EADDRINUSE;
	}
	if (e != ECONNREFUSED) {
		*err = strerror(e);
		return -e;
	}
	/* Stale: left by a server that was killed. */
	if (unlink(sa->sun_path) && errno != ENOENT) {
		e = errno;
		*err = strerror(e);
		return -e;
	}
	return 0;
}

static int listen_unix(struct listener *l, const struct comm_spec *sp,
		       unsigned int mode, const char **err)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct stat st;
	mode_t old;
	int fd, e;

	strcpy(sa.sun_path, sp->path);
	e = remove_stale(&sa, err);
	if (e)
		return e;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		e = errno;
		*err = strerror(e);
		return -e;
	}
	/*
	 * bind() creates the file with the umask applied: set the umask so
	 * that it is created with @mode exactly, never wider for a moment.
	 */
	old = umask(~mode & 0777);
	e = bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ? errno : 0;
	umask(old);
	if (e) {
		*err = e == EADDRINUSE ? "the path was created meanwhile: pick another path" :
		       strerror(e);
		close(fd);
		return -e;
	}
	if (lstat(sa.sun_path, &st) || listen(fd, 1)) {
		e = errno;
		*err = strerror(e);
		unlink(sa.sun_path);
		close(fd);
		return -e;
	}
	l->fd = fd;
	l->unix_sock = true;
	l->dev = st.st_dev;
	l->ino = st.st_ino;
	strcpy(l->path, sp->path);
	snprintf(l->desc, sizeof(l->desc), "unix socket %s", sp->path);
	return 0;
}

int conn_listen(struct listener *l, const char *comm, unsigned int mode,
		const char **err)
{
	struct comm_spec sp;
	int e;

	memset(l, 0, sizeof(*l));
	l->fd = -1;
	e = parse_comm(comm, &sp, err);
	if (e)
		return e;
	return sp.family == AF_UNIX ? listen_unix(l, &sp, mode, err) :
				      listen_tcp(l, &sp, err);
}

void conn_unlisten(struct listener *l)
{
	struct stat st;

	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
	/* Only our own socket file: someone may have put another there. */
	if (l->unix_sock && !lstat(l->path, &st) && st.st_dev == l->dev &&
	    st.st_ino == l->ino)
		unlink(l->path);
	l->unix_sock = false;
}

/* The user name for @uid from /etc/passwd, into @buf; "" if not found. */
static void user_name(uid_t uid, char *buf, size_t len)
{
	char line[512];
	FILE *f;

	buf[0] = '\0';
	if (uid == 0) {
		snprintf(buf, len, "root");
		return;
	}
	f = fopen("/etc/passwd", "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *name = strtok(line, ":");
		char *pw = name ? strtok(NULL, ":") : NULL;
		char *id = pw ? strtok(NULL, ":") : NULL;

		if (id && strtoul(id, NULL, 10) == uid) {
			snprintf(buf, len, "%s", name);
			break;
		}
	}
	fclose(f);
}

const char *conn_exposure(const struct listener *l, char *buf, size_t len)
{
	char name[64], who[96];
	uid_t uid = geteuid();

	buf[0] = '\0';
	if (!l->all_interfaces)
		return buf;
	user_name(uid, name, sizeof(name));
	if (name[0])
		snprintf(who, sizeof(who), "%s (uid %u)", name, (unsigned int)uid);
	else
		snprintf(who, sizeof(who), "uid %u", (unsigned int)uid);
	snprintf(buf, len,
		 "a64stub: warning: listening on all interfaces (port %d): anyone who can reach it can run programs and read and write files as %s; listen on 127.0.0.1:%d or unix:PATH to restrict it (man a64stub, SECURITY)",
		 l->port, who, l->port);
	return buf;
}

static void conn_reset(struct conn *c, int rfd, int wfd)
{
	c->rfd = rfd;
	c->wfd = wfd;
	c->head = c->tail = 0;
}

int conn_accept(struct conn *c, const struct listener *l)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int fd, one = 1;

	do
		fd = accept4(l->fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return -errno;
	if (l->unix_sock) {
		struct ucred cr;
		socklen_t crlen = sizeof(cr);

		/* The file's mode let it in: say who it is. */
		if (!getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &crlen))
			fprintf(stderr, "Remote debugging from pid %d (uid %u) on %s\n",
				(int)cr.pid, (unsigned int)cr.uid, l->desc);
	} else {
		char addr[INET6_ADDRSTRLEN] = "?";
		int port = 0;

		/* Small packets, one round trip each: never wait for Nagle. */
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (ss.ss_family == AF_INET6) {
			struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

			inet_ntop(AF_INET6, &s6->sin6_addr, addr, sizeof(addr));
			port = ntohs(s6->sin6_port);
		} else if (ss.ss_family == AF_INET) {
			struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

			inet_ntop(AF_INET, &s4->sin_addr, addr, sizeof(addr));
			port = ntohs(s4->sin_port);
		}
		fprintf(stderr, "Remote debugging from host %s, port %d\n", addr,
			port);
	}
	conn_reset(c, fd, fd);
	return 0;
}

/* Point @fd at @target (closing what it was).  Returns: 0 or -errno. */
static int redirect(int fd, int target)
{
	return dup2(target, fd) < 0 ? -errno : 0;
}

int conn_stdio(struct conn *c)
{
	int in, out, null, err;

	/*
	 * gdbserver does the same in each program it starts (linux-low.cc,
	 * linux_ptrace_fun()); doing it once here covers the programs and
	 * anything else the stub starts.
	 */
	in = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	out = in < 0 ? -1 : fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (in < 0 || out < 0 || null < 0) {
		err = -errno;
		goto fail;
	}
	err = redirect(STDIN_FILENO, null);
	if (!err)
		err = redirect(STDOUT_FILENO, STDERR_FILENO);
	if (err)
		goto fail;
	close(null);
	conn_reset(c, in, out);
	return 0;
fail:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	if (null >= 0)
		close(null);
	return err;
}

void conn_close(struct conn *c)
{
	if (c->rfd > STDERR_FILENO)
		close(c->rfd);
	if (c->wfd > STDERR_FILENO && c->wfd != c->rfd)
		close(c->wfd);
	c->rfd = c->wfd = -1;
}

bool conn_pending(const struct conn *c)
{
	return c->head < c->tail;
}

unsigned char conn_getc(struct conn *c)
{
	return c->buf[c->head++];
}

ssize_t conn_fill(struct conn *c, bool block)
{
	ssize_t n;

	if (conn_pending(c))
		return (ssize_t)(c->tail - c->head);
	c->head = c->tail = 0;
	if (!block) {
		struct pollfd pfd = { .fd = c->rfd, .events = POLLIN };

		if (poll(&pfd, 1, 0) <= 0)
			return -EAGAIN;
	}
	do
		n = read(c->rfd, c->buf, sizeof(c->buf));
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	c->tail = (size_t)n;
	return n;
}

int conn_write(struct conn *c, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(c->wfd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EPIPE;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}
