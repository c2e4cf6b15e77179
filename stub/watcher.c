// SPDX-License-Identifier: MIT
/*
 * The input watcher (see watcher.h).
 *
 * Why a process: a stop GDB never hears of (a syscall the catch filter
 * does not match) should cost the stub no more than a bare tracer pays,
 * waitpid() and the resume.  Waiting with poll() on a SIGCHLD signalfd
 * and the socket costs three more syscalls per stop (poll, the signalfd
 * read, a last waitpid that finds nothing).  A blocking waitpid() cannot
 * watch a socket, and a signal meant to interrupt it races with the call
 * (it may land just before waitpid() blocks, or just after it returned a
 * status that would then be lost).  A child that stops itself is a wait
 * status like any other: the kernel queues it with the tracees' stops and
 * nothing is lost or missed.
 *
 * The watcher stops at the first input after it was armed, including the
 * packets GDB sends while the program is stopped; the stub checks the
 * socket before it believes it (watcher_owns() callers).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "watcher.h"

/*
 * Close every descriptor but @keep: the watcher must not hold the
 * listening socket or a program's /proc/PID/mem.  close_range(2) is Linux
 * 5.9; on older kernels (ENOSYS) the descriptors stay open, which only
 * matters until the watcher ends with the session.
 */
static void close_others(int keep)
{
#ifdef SYS_close_range
	if (keep > 0)
		syscall(SYS_close_range, 0U, (unsigned)keep - 1, 0U);
	syscall(SYS_close_range, (unsigned)keep + 1, ~0U, 0U);
#else
	(void)keep;
#endif
}

static void watcher_main(int fd, pid_t parent)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	sigset_t none;

	/* Die with the stub; it may have died before we got here. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	close_others(fd);
	for (;;) {
		if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
			_exit(1);
		/* Input, hang-up or error: the stub reads and finds out. */
		raise(SIGSTOP);
	}
}

int watcher_arm(struct watcher *w, int fd)
{
	pid_t parent = getpid(), pid;

	if (w->pid && w->fd != fd)
		watcher_end(w);
	if (w->pid) {
		if (w->stopped && kill(w->pid, SIGCONT))
			return -errno;
		w->stopped = false;
		return 0;
	}
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0)
		watcher_main(fd, parent);
	w->pid = pid;
	w->fd = fd;
	w->stopped = false;
	return 0;
}

bool watcher_owns(struct watcher *w, pid_t pid, int status)
{
	if (!w->pid || pid != w->pid)
		return false;
	if (WIFSTOPPED(status))
		w->stopped = true;
	else if (WIFEXITED(status) || WIFSIGNALED(status))
		w->pid = 0;
	return true;
}

void watcher_end(struct watcher *w)
{
	int status;

	if (!w->pid)
		return;
	kill(w->pid, SIGKILL);
	while (waitpid(w->pid, &status, __WALL) < 0 && errno == EINTR)
		;
	w->pid = 0;
	w->stopped = false;
}
