// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
/*
 * A TCP-to-stub forwarder for the security tests, in the guest: QEMU's
 * user network forwards IPv4 TCP only, so the host's GDB reaches a stub on
 * a Unix socket or on [::1] through this.
 *   sec_fwd PORT TARGET...
 * listens on 0.0.0.0:PORT; client N (from 1) is connected to TARGET N (the
 * last one for later clients), "unix:PATH" or "[ADDR]:PORT".  It waits up
 * to 20 s for the target to accept (the stub may still be starting) and
 * copies bytes both ways until either side closes.  Runs until killed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static int connect_once(const char *target)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len;
	int fd;

	if (!strncmp(target, "unix:", 5)) {
		struct sockaddr_un *sun = (struct sockaddr_un *)&ss;

		sun->sun_family = AF_UNIX;
		snprintf(sun->sun_path, sizeof(sun->sun_path), "%s", target + 5);
		len = sizeof(*sun);
	} else {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
		char host[64];
		const char *close = strchr(target, ']');

		if (target[0] != '[' || !close || close[1] != ':' ||
		    (size_t)(close - target) >= sizeof(host))
			return -EINVAL;
		memcpy(host, target + 1, (size_t)(close - target - 1));
		host[close - target - 1] = '\0';
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)atoi(close + 2));
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			return -EINVAL;
		len = sizeof(*s6);
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&ss, len)) {
		int e = errno;

		close(fd);
		return -e;
	}
	return fd;
}

/* The stub may not listen yet: try again, every 50 ms, for 20 s. */
static int connect_target(const char *target)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	int fd = -1;

	for (int i = 0; i < 400; i++) {
		fd = connect_once(target);
		if (fd >= 0 || fd == -EINVAL)
			break;
		nanosleep(&ts, NULL);
	}
	return fd;
}

static void pump(int a, int b)
{
	struct pollfd p[2] = { { .fd = a, .events = POLLIN },
			       { .fd = b, .events = POLLIN } };
	char buf[65536];

	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(p[i].fd, buf, sizeof(buf));
			if (n <= 0 || write(p[!i].fd, buf, (size_t)n) != n)
				return;
		}
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	int lfd, one = 1, i;

	if (argc < 3) {
		fprintf(stderr, "usage: sec_fwd PORT TARGET...\n");
		return 2;
	}
	sa.sin_port = htons((uint16_t)atoi(argv[1]));
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	/* The stub that had the port may take a moment to end. */
	for (i = 0; i < 200 && bind(lfd, (struct sockaddr *)&sa, sizeof(sa)); i++)
		nanosleep(&ts, NULL);
	if (i == 200 || listen(lfd, 1)) {
		perror("sec_fwd: listen");
		return 1;
	}
	fprintf(stderr, "sec_fwd: listening on port %s\n", argv[1]);
	for (int n = 2;; n += n + 1 < argc) {
		int c = accept4(lfd, NULL, NULL, SOCK_CLOEXEC), t;

		if (c < 0)
			continue;
		t = connect_target(argv[n]);
		if (t < 0) {
			fprintf(stderr, "sec_fwd: cannot reach %s: %s\n", argv[n],
				strerror(-t));
		} else {
			pump(c, t);
			close(t);
		}
		close(c);
	}
}
