// SPDX-License-Identifier: MIT
/*
 * Register access through PTRACE_GETREGSET/SETREGSET, one cached buffer
 * per regset and thread, read on first use and written back before the
 * thread resumes.
 */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "arm64.h"
#include "syscall_regs.h"
#include "target.h"
#include "target_int.h"

static const int regset_note[RS_COUNT] = {
	[RS_GPR] = ARM64_NT_PRSTATUS,
	[RS_FP] = ARM64_NT_PRFPREG,
	[RS_SYSCALL] = ARM64_NT_ARM_SYSTEM_CALL,
	[RS_TLS] = ARM64_NT_ARM_TLS,
};

/* How many bytes of the regset the kernel itself holds. */
static size_t kernel_size(struct target *t, enum regset_id id)
{
	if (id == RS_GPR)
		return t->seed_abi ? ARM64_PRSTATUS_SEED : ARM64_PRSTATUS_STOCK;
	return regs_set_size(id);
}

int regset_fetch(struct target *t, struct thread *th, enum regset_id id)
{
	struct iovec iov;

	if (th->rc.valid[id])
		return 0;
	if (th->running)
		return -EBUSY;
	iov.iov_base = regs_buf(&th->rc, id);
	iov.iov_len = kernel_size(t, id);
	memset(iov.iov_base, 0, regs_set_size(id));
	if (ptrace(PTRACE_GETREGSET, th->tid, regset_note[id], &iov))
		return -errno;
	th->rc.valid[id] = true;
	if (id == RS_GPR && !t->seed_abi)
		syscall_regs_fill(t, th);
	return 0;
}

static int regset_store(struct target *t, struct thread *th, enum regset_id id)
{
	struct iovec iov = { regs_buf(&th->rc, id), kernel_size(t, id) };

	if (ptrace(PTRACE_SETREGSET, th->tid, regset_note[id], &iov))
		return -errno;
	th->rc.dirty[id] = false;
	return 0;
}

int regs_flush(struct target *t, struct thread *th)
{
	for (int id = 0; id < RS_COUNT; id++) {
		if (th->rc.dirty[id]) {
			int err = regset_store(t, th, id);

			if (err)
				return err;
		}
	}
	return 0;
}

void regs_invalidate(struct thread *th)
{
	memset(th->rc.valid, 0, sizeof(th->rc.valid));
	memset(th->rc.dirty, 0, sizeof(th->rc.dirty));
}

uint64_t regs_gpr(struct thread *th, unsigned int off)
{
	uint64_t v;

	memcpy(&v, th->rc.gpr + off, sizeof(v));
	return v;
}

void regs_set_gpr(struct thread *th, unsigned int off, uint64_t val)
{
	memcpy(th->rc.gpr + off, &val, sizeof(val));
	th->rc.dirty[RS_GPR] = true;
}

int regs_syscallno(struct target *t, struct thread *th)
{
	int32_t nr;

	if (regset_fetch(t, th, RS_SYSCALL))
		return -1;
	memcpy(&nr, th->rc.sysc, sizeof(nr));
	return nr;
}

int target_reg_read(struct target *t, struct thread *th, unsigned int regno,
		    void *buf)
{
	const struct reg_desc *r;
	int err;

	if (regno >= regs_count)
		return -EINVAL;
	r = &regs_table[regno];
	err = regset_fetch(t, th, r->regset);
	if (err)
		return err;
	memcpy(buf, regs_buf(&th->rc, r->regset) + r->offset, r->bitsize / 8);
	syscall_regs_read(t, th, regno, buf);
	return 0;
}

int target_reg_write(struct target *t, struct thread *th, unsigned int regno,
		     const void *buf)
{
	const struct reg_desc *r;
	unsigned char *dst;
	int err;

	if (regno >= regs_count)
		return -EINVAL;
	r = &regs_table[regno];
	err = regset_fetch(t, th, r->regset);
	if (err)
		return err;
	dst = regs_buf(&th->rc, r->regset) + r->offset;
	/* GDB's G packet rewrites every register: skip the unchanged ones. */
	if (!memcmp(dst, buf, r->bitsize / 8))
		return 0;
	err = syscall_regs_write(t, th, regno, buf);
	if (err <= 0)
		return err;
	memcpy(dst, buf, r->bitsize / 8);
	th->rc.dirty[r->regset] = true;
	return 0;
}
