/* SPDX-License-Identifier: MIT */
/*
 * The byte transport to GDB: a TCP connection (IPv4 or IPv6), a Unix-domain
 * socket, or stdin/stdout.
 */
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

/* Where the stub listens, and what to clean up when it stops. */
struct listener {
	int fd;
	bool unix_sock;		/* fd is a Unix-domain socket bound to path */
	bool all_interfaces;	/* :PORT, 0.0.0.0:PORT, [::]:PORT */
	int port;		/* TCP only */
	dev_t dev;		/* the socket file we created, to remove */
	ino_t ino;
	char path[108];		/* sizeof(sun_path) */
	char desc[160];		/* "port 1234", "unix socket /run/x.sock" */
};

/* The socket file's mode when none is given: its owner only. */
#define CONN_UNIX_MODE	0600

/*
 * Check @comm's syntax without opening anything: "HOST:PORT", ":PORT",
 * "[V6ADDR]:PORT", "V6ADDR:PORT" (more than one ':'), "unix:PATH" or "-".
 * Returns: 0, or -EINVAL with @err set to the reason.
 */
int conn_check(const char *comm, const char **err);

/*
 * Listen on @comm (any form conn_check() takes but "-").  A Unix socket is
 * created with mode @mode; a stale socket file at its path (one nobody
 * listens on) is replaced, anything else there is refused.
 * Returns: 0 with @l filled in, or -errno with @err set to the cause.
 */
int conn_listen(struct listener *l, const char *comm, unsigned int mode,
		const char **err);

/*
 * Close @l and remove its socket file if it is still the one we created.
 * Async-signal-safe, for the SIGTERM handler.
 */
void conn_unlisten(struct listener *l);

/*
 * The warning line printed when @l listens on every interface: who can
 * reach it, and what they can do, as which user.  Empty otherwise.
 * Returns: @buf.
 */
const char *conn_exposure(const struct listener *l, char *buf, size_t len);

/* Accept one client on @l into @c.  Returns: 0 or -errno. */
int conn_accept(struct conn *c, const struct listener *l);

/*
 * Use stdin/stdout as the connection, moved to descriptors of their own:
 * from then on fd 0 is /dev/null and fd 1 is the stub's stderr, so that
 * programs the stub starts cannot read or write the protocol stream.
 * Returns: 0 or -errno.
 */
int conn_stdio(struct conn *c);

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
