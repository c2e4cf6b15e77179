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

/*
 * Move @n tags between @buf and the granules from @addr's with @req
 * (PTRACE_PEEKMTETAGS or PTRACE_POKEMTETAGS), as many calls as it takes.
 * Returns: 0 or -errno.
 */
static int move_tags(pid_t tid, int req, uint64_t addr, unsigned char *buf,
		     size_t n)
{
	size_t done = 0;

	while (done < n) {
		struct iovec iov = { buf + done, n - done };

		if (ptrace(req, tid, (void *)(uintptr_t)addr, &iov))
			return -errno;
		if (iov.iov_len == 0)
			return -EIO;
		done += iov.iov_len;
		addr += iov.iov_len * TARGET_MTE_GRANULE;
	}
	return 0;
}

int target_read_tags(struct target *t, struct process *p, uint64_t addr,
		     unsigned char *tags, size_t ntags)
{
	pid_t tid = tag_thread(p);

	(void)t;
	if (!tid)
		return -EBUSY;
	return move_tags(tid, PTRACE_PEEKMTETAGS,
			 addr & ~(uint64_t)(TARGET_MTE_GRANULE - 1), tags, ntags);
}

int target_write_tags(struct target *t, struct process *p, uint64_t addr,
		      size_t ngranules, const unsigned char *tags, size_t ntags)
{
	unsigned char buf[256];
	pid_t tid = tag_thread(p);
	int err = 0;

	(void)t;
	if (!tid)
		return -EBUSY;
	if (ntags == 0)
		return -EINVAL;
	addr &= ~(uint64_t)(TARGET_MTE_GRANULE - 1);
	for (size_t done = 0; done < ngranules && !err; done += sizeof(buf)) {
		size_t n = ngranules - done < sizeof(buf) ? ngranules - done : sizeof(buf);

		/* Fewer tags than granules: the tags repeat, as GDB means them. */
		for (size_t i = 0; i < n; i++)
			buf[i] = tags[(done + i) % ntags];
		err = move_tags(tid, PTRACE_POKEMTETAGS,
				addr + done * TARGET_MTE_GRANULE, buf, n);
	}
	return err;
}
