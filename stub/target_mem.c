// SPDX-License-Identifier: MIT
/*
 * Target memory through /proc/PID/mem (one pread/pwrite per request rather
 * than a PTRACE_PEEKDATA per word), and software breakpoints (BRK #0)
 * kept hidden from GDB's memory reads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arm64.h"
#include "syscall_regs.h"
#include "target.h"
#include "target_int.h"

static int memfd(struct process *p)
{
	char path[64];

	if (p->memfd >= 0)
		return p->memfd;
	snprintf(path, sizeof(path), "/proc/%d/mem", p->pid);
	p->memfd = open(path, O_RDWR | O_CLOEXEC);
	return p->memfd >= 0 ? p->memfd : -errno;
}

static ssize_t raw_read(struct process *p, uint64_t addr, void *buf, size_t len)
{
	int fd = memfd(p);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = pread(fd, buf, len, (off_t)addr);
	if (n < 0)
		return -errno;
	return n == 0 && len ? -EIO : n;
}

static ssize_t raw_write(struct process *p, uint64_t addr, const void *buf,
			 size_t len)
{
	int fd = memfd(p);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = pwrite(fd, buf, len, (off_t)addr);
	if (n < 0)
		return -errno;
	return n == 0 && len ? -EIO : n;
}

/* Does [a, a+alen) overlap the 4 bytes of breakpoint @bp? */
static bool overlaps(const struct breakpoint *bp, uint64_t a, size_t alen)
{
	return bp->addr < a + alen && a < bp->addr + ARM64_BRK_LEN;
}

ssize_t target_read_mem(struct target *t, struct process *p, uint64_t addr,
			void *buf, size_t len)
{
	ssize_t n = raw_read(p, addr, buf, len);

	(void)t;
	if (n <= 0)
		return n;
	/* Show the original bytes where our BRKs sit. */
	for (struct breakpoint *bp = p->bps; bp; bp = bp->next) {
		if (!overlaps(bp, addr, (size_t)n))
			continue;
		for (unsigned int i = 0; i < ARM64_BRK_LEN; i++) {
			uint64_t a = bp->addr + i;

			if (a >= addr && a < addr + (uint64_t)n)
				((unsigned char *)buf)[a - addr] = bp->saved[i];
		}
	}
	return n;
}

ssize_t target_write_mem(struct target *t, struct process *p, uint64_t addr,
			 const void *buf, size_t len)
{
	unsigned char *copy = NULL;
	const void *src = buf;
	ssize_t n;

	(void)t;
	/* Writes over a breakpoint update the saved bytes; the BRK stays. */
	for (struct breakpoint *bp = p->bps; bp; bp = bp->next) {
		if (!overlaps(bp, addr, len))
			continue;
		if (!copy) {
			copy = malloc(len);
			if (!copy)
				return -ENOMEM;
			memcpy(copy, buf, len);
			src = copy;
		}
		for (unsigned int i = 0; i < ARM64_BRK_LEN; i++) {
			uint64_t a = bp->addr + i;
			static const uint32_t brk = ARM64_BRK_INSN;

			if (a >= addr && a < addr + len) {
				bp->saved[i] = ((const unsigned char *)buf)[a - addr];
				copy[a - addr] = ((const unsigned char *)&brk)[i];
			}
		}
	}
	n = raw_write(p, addr, src, len);
	free(copy);
	return n;
}

struct breakpoint *bp_find(struct process *p, uint64_t addr)
{
	for (struct breakpoint *bp = p->bps; bp; bp = bp->next)
		if (bp->addr == addr)
			return bp;
	return NULL;
}

int target_insert_bp(struct target *t, struct process *p, uint64_t addr)
{
	static const uint32_t brk = ARM64_BRK_INSN;	/* little-endian */
	struct breakpoint *bp;
	ssize_t n;

	(void)t;
	if (addr & 3)
		return -EINVAL;	/* A64 instructions are 4-byte aligned */
	if (bp_find(p, addr))
		return 0;	/* Z packets must be idempotent */
	bp = calloc(1, sizeof(*bp));
	if (!bp)
		return -ENOMEM;
	bp->addr = addr;
	n = raw_read(p, addr, bp->saved, ARM64_BRK_LEN);
	if (n == ARM64_BRK_LEN)
		n = raw_write(p, addr, &brk, ARM64_BRK_LEN);
	if (n != ARM64_BRK_LEN) {
		free(bp);
		return n < 0 ? (int)n : -EIO;
	}
	bp->next = p->bps;
	p->bps = bp;
	return 0;
}

int target_remove_bp(struct target *t, struct process *p, uint64_t addr)
{
	(void)t;
	for (struct breakpoint **pp = &p->bps; *pp; pp = &(*pp)->next) {
		struct breakpoint *bp = *pp;
		ssize_t n;

		if (bp->addr != addr)
			continue;
		n = raw_write(p, addr, bp->saved, ARM64_BRK_LEN);
		*pp = bp->next;
		free(bp);
		return n == ARM64_BRK_LEN ? 0 : (n < 0 ? (int)n : -EIO);
	}
	/*
	 * Not an error, unlike gdbserver's E01: GDB sends z packets meant
	 * for a process that has ended (its exit not yet told) after an Hg
	 * to it failed, so they land on another process; an error there
	 * makes GDB stop ("Cannot remove breakpoints because program is no
	 * longer writable": tests/gdb/fork_many).
	 */
	return 0;
}

void bp_remove_all(struct target *t, struct process *p)
{
	while (p->bps)
		target_remove_bp(t, p, p->bps->addr);
}

void bp_copy(struct process *child, struct process *parent)
{
	for (struct breakpoint *bp = parent->bps; bp; bp = bp->next) {
		struct breakpoint *c = malloc(sizeof(*c));

		if (!c)
			return;
		*c = *bp;
		c->next = child->bps;
		child->bps = c;
	}
}

void bp_copy_if_fork(struct process *child, struct process *parent, bool vfork)
{
	/* A vfork child shares its parent's memory: nothing is its own. */
	if (!vfork && !child->bps)
		bp_copy(child, parent);
}

void bp_forget_all(struct process *p)
{
	while (p->bps) {
		struct breakpoint *bp = p->bps;

		p->bps = bp->next;
		free(bp);
	}
}

void exec_cleanup(struct target *t, struct thread *th)
{
	struct process *p = th->proc;

	/*
	 * The kernel has killed every other thread and, if a non-leader
	 * exec'ed, given it the leader's id; their exits may still arrive
	 * and are ignored then.
	 */
	while (p->threads && p->threads != th) {
		struct thread *o = p->threads;

		p->threads = o->next;
		regs_release(o);
		free(o);
	}
	while (th->next) {
		struct thread *o = th->next;

		th->next = o->next;
		regs_release(o);
		free(o);
	}
	/* The old memory image is gone, and with it our breakpoints. */
	bp_forget_all(p);
	hw_forget_all(p);
	if (p->memfd >= 0) {
		close(p->memfd);
		p->memfd = -1;
	}
	syscall_regs_reset(&th->sr);
	/* A new program: its vector length may be another (PR_SVE_SET_VL_ONEXEC). */
	regs_process_layout(t, p, th->tid);
}
