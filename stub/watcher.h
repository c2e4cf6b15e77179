/* SPDX-License-Identifier: MIT */
/*
 * The input watcher: a child process of the stub that sleeps in poll() on
 * GDB's connection and stops itself when input arrives, so that the stub
 * can wait for its tracees and for GDB in one blocking waitpid().
 */
#ifndef A64STUB_WATCHER_H
#define A64STUB_WATCHER_H

#include <stdbool.h>
#include <sys/types.h>

struct watcher {
	pid_t pid;		/* 0: none */
	int fd;			/* the descriptor it watches */
	bool stopped;		/* it saw input and waits for watcher_arm() */
};

/*
 * Have a watcher sleep on @fd: start one (ending one that watches another
 * descriptor) or let a stopped one go on.  Returns: 0, or -errno when no
 * process could be started.
 */
int watcher_arm(struct watcher *w, int fd);

/*
 * Is @pid, which waitpid() just reported with @status, the watcher?  If
 * so, take note of its stop or its end.
 */
bool watcher_owns(struct watcher *w, pid_t pid, int status);

/* End the watcher, if any, and reap it. */
void watcher_end(struct watcher *w);

#endif
