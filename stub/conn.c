// SPDX-License-Identifier: MIT
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"

int conn_listen(const char *comm, const char **err)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	const char *colon = strrchr(comm, ':');
	char host[64];
	long port;
	char *end;
	int fd, one = 1;

	if (!colon || (size_t)(colon - comm) >= sizeof(host)) {
		*err = "COMM must be HOST:PORT, :PORT or -";
		return -EINVAL;
	}
	memcpy(host, comm, (size_t)(colon - comm));
	host[colon - comm] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || port <= 0 || port > 65535) {
		*err = "the port must be a number from 1 to 65535";
		return -EINVAL;
	}
	sa.sin_port = htons((uint16_t)port);
	if (!host[0]) {
		sa.sin_addr.s_addr = htonl(INADDR_ANY);	/* as gdbserver */
	} else if (!strcmp(host, "localhost")) {
		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	} else if (inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
		*err = "HOST must be an IPv4 address or localhost";
		return -EINVAL;
	}
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		*err = strerror(errno);
		return -errno;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 1)) {
		int e = errno;

		*err = e == EADDRINUSE ? "the port is in use (another a64stub or gdbserver?): pick another port or stop that server" :
		       e == EACCES ? "ports below 1024 need privileges: pick a port above 1024" :
		       e == EADDRNOTAVAIL ? "HOST is not an address of this machine: use :PORT or 127.0.0.1:PORT" :
					 strerror(e);
		close(fd);
		return -e;
	}
	fprintf(stderr, "Listening on port %ld\n", port);
	return fd;
}

static void conn_reset(struct conn *c, int rfd, int wfd)
{
	c->rfd = rfd;
	c->wfd = wfd;
	c->head = c->tail = 0;
}

int conn_accept(struct conn *c, int lfd)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	int fd, one = 1;
	char addr[INET_ADDRSTRLEN];

	do
		fd = accept4(lfd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return -errno;
	/* Small packets, one round trip each: never wait for Nagle. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof(addr));
	fprintf(stderr, "Remote debugging from host %s, port %d\n", addr,
		ntohs(sa.sin_port));
	conn_reset(c, fd, fd);
	return 0;
}

void conn_stdio(struct conn *c)
{
	conn_reset(c, STDIN_FILENO, STDOUT_FILENO);
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
