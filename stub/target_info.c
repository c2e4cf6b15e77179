// SPDX-License-Identifier: MIT
/*
 * What the target tells about its threads beyond registers and memory:
 * the siginfo GDB rewrites, the core a thread last ran on, its C library
 * thread handle (pthread_t).  /proc and ptrace stay on this side.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "target.h"
#include "target_int.h"

int target_write_siginfo(struct target *t, struct thread *th, uint64_t off,
			 const void *data, size_t len)
{
	siginfo_t si;

	(void)t;
	/* Only a signal-delivery-stop has one to change (as for reading). */
	if (th->stop.kind != STOP_SIGNAL)
		return -EINVAL;
	if (off > sizeof(si) || len > sizeof(si) - off)
		return -EINVAL;
	si = th->stop.si;
	memcpy((char *)&si + off, data, len);
	/*
	 * The kernel delivers the signal with this siginfo when the thread
	 * resumes with it from this stop (ptrace_signal() in
	 * kernel/signal.c re-reads the one PTRACE_SETSIGINFO changed).
	 */
	if (ptrace(PTRACE_SETSIGINFO, th->tid, 0, &si))
		return -errno;
	th->stop.si = si;
	return 0;
}

long proc_stat_field(const char *path, int field)
{
	char buf[1024], *p;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/*
	 * "pid (comm) state ...": comm may hold spaces and parentheses, so
	 * count from the last ')', which ends field 2 (proc(5)).
	 */
	p = strrchr(buf, ')');
	for (int f = 2; p && f < field; f++)
		p = strchr(p + 1, ' ');
	return p ? strtol(p + 1, NULL, 10) : -1;
}

int target_thread_core(struct thread *th)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", th->proc->pid,
		 th->tid);
	return (int)proc_stat_field(path, 39);	/* "processor" */
}

/* Where glibc's struct pthread's tid is (nptl/descr.h): after a header
 * of 24 pointers and a list_t (two pointers). */
#define PTHREAD_LIST_OFF	(24 * 8)
#define PTHREAD_TID_OFF		(PTHREAD_LIST_OFF + 16)
#define PTHREAD_MAX_SIZE	0x1000

/*
 * Is @cand the struct pthread of thread @tid: its tid field holds @tid
 * and its list_t is linked both ways (glibc links every thread's into
 * the stack lists).  Returns: true if so.
 */
static bool pthread_at(struct target *t, struct process *p, uint64_t cand,
		       pid_t tid)
{
	uint64_t list[2], back;
	int32_t v;

	if (target_read_mem(t, p, cand + PTHREAD_TID_OFF, &v, 4) != 4 || v != tid)
		return false;
	if (target_read_mem(t, p, cand + PTHREAD_LIST_OFF, list, 16) != 16 ||
	    !list[0] || !list[1])
		return false;
	return target_read_mem(t, p, list[0] + 8, &back, 8) == 8 &&
	       back == cand + PTHREAD_LIST_OFF;
}

int target_thread_handle(struct target *t, struct thread *th, uint64_t *handle)
{
	struct process *p = th->proc;
	uint64_t tp;

	if (target_reg_read_id(t, th, REG_TPIDR, 64, &tp) || tp < PTHREAD_MAX_SIZE)
		return -ENOENT;
	/*
	 * glibc on arm64 puts struct pthread right below the thread
	 * pointer (THREAD_SELF in sysdeps/aarch64/nptl/tls.h), so
	 * pthread_self() is tpidr_el0 - sizeof(struct pthread).  That size
	 * is private to each glibc build: find it once per process as the
	 * distance at which this thread's tid and list links are, and check
	 * it again each time (an exec may bring another C library).
	 */
	if (p->pthread_size && pthread_at(t, p, tp - p->pthread_size, th->tid)) {
		*handle = tp - p->pthread_size;
		return 0;
	}
	for (uint64_t size = PTHREAD_TID_OFF + 8; size <= PTHREAD_MAX_SIZE;
	     size += 8) {
		if (pthread_at(t, p, tp - size, th->tid)) {
			p->pthread_size = size;
			*handle = tp - size;
			return 0;
		}
	}
	return -ENOENT;	/* not glibc, or its threads are not set up yet */
}
