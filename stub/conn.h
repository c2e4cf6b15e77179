/* SPDX-License-Identifier: MIT */
/* The byte transport to GDB: a TCP connection or stdin/stdout. */
#ifndef A64STUB_CONN_H
#define A64STUB_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct conn {
	int rfd, wfd;
	bool debug;		/* log every packet on stderr */
	size_t head, tail;
	unsigned char buf[65536];
};

/*
 * Listen on @comm ("HOST:PORT" or ":PORT"; HOST is an IPv4 address or
 * "localhost").  Prints "Listening on port N" once it listens.
 * Returns: the listening socket, or -errno with @err set to the cause.
 */
int conn_listen(const char *comm, const char **err);

/* Accept one client on @lfd into @c.  Returns: 0 or -errno. */
int conn_accept(struct conn *c, int lfd);

/* Use stdin/stdout as the connection. */
void conn_stdio(struct conn *c);

void conn_close(struct conn *c);

/*
 * Read what is available (blocking if nothing is buffered and @block).
 * Returns: bytes now buffered, 0 on end of file, or -errno.
 */
ssize_t conn_fill(struct conn *c, bool block);

/* Returns: true if bytes are buffered. */
bool conn_pending(const struct conn *c);

/* Returns: the next buffered byte (conn_pending() must be true). */
unsigned char conn_getc(struct conn *c);

/* Write all of @len bytes.  Returns: 0 or -errno. */
int conn_write(struct conn *c, const void *data, size_t len);

#endif
