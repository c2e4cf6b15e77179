// SPDX-License-Identifier: MIT
/*
 * MTE allocation tags of a traced process: PTRACE_PEEKMTETAGS and
 * PTRACE_POKEMTETAGS (Documentation/arm64/memory-tagging-extension.rst,
 * "Core dump support" and "ptrace() API"): one tag byte per 16-byte
 * granule, the low 4 bits of each byte.  The kernel may move fewer tags
 * than asked (it stops at a page it cannot access, and works through at
 * most a page per call), so both loop until done or until nothing moves.
 */
#include <errno.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "target.h"
#include "target_int.h"

/* Any stopped thread: the tags belong to the address space. */
static pid_t tag_thread(struct process *p)
{
	for (struct thread *th = p->threads; th; th = th->next)
		if (!th->running)
			return th->tid;
	return 0;
}

int target_read_tags(struct target *t, struct process *p, uint64_t addr,
		     unsigned char *tags, size_t ntags)
{
	pid_t tid = tag_thread(p);
	size_t done = 0;

	(void)t;
	if (!tid)
		return -EBUSY;
	addr &= ~(uint64_t)(TARGET_MTE_GRANULE - 1);
	while (done < ntags) {
		struct iovec iov = { tags + done, ntags - done };

		if (ptrace(PTRACE_PEEKMTETAGS, tid, (void *)(uintptr_t)addr, &iov))
			return -errno;
		if (iov.iov_len == 0)
			return -EIO;
		done += iov.iov_len;
		addr += iov.iov_len * TARGET_MTE_GRANULE;
	}
	return 0;
}

int target_write_tags(struct target *t, struct process *p, uint64_t addr,
		      size_t ngranules, const unsigned char *tags, size_t ntags)
{
	unsigned char buf[256];
	pid_t tid = tag_thread(p);
	size_t done = 0;

	(void)t;
	if (!tid)
		return -EBUSY;
	if (ntags == 0)
		return -EINVAL;
	addr &= ~(uint64_t)(TARGET_MTE_GRANULE - 1);
	while (done < ngranules) {
		size_t n = ngranules - done < sizeof(buf) ? ngranules - done : sizeof(buf);
		struct iovec iov = { buf, n };

		/* Fewer tags than granules: the tags repeat, as GDB means them. */
		for (size_t i = 0; i < n; i++)
			buf[i] = tags[(done + i) % ntags];
		if (ptrace(PTRACE_POKEMTETAGS, tid, (void *)(uintptr_t)addr, &iov))
			return -errno;
		if (iov.iov_len == 0)
			return -EIO;
		done += iov.iov_len;
		addr += iov.iov_len * TARGET_MTE_GRANULE;
	}
	return 0;
}
