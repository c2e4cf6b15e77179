// SPDX-License-Identifier: MIT
/*
 * Register access through PTRACE_GETREGSET/SETREGSET: one row per kernel
 * register set (regsets[] below, the way gdbserver's regset_info does it:
 * which NT_ note, how big, whether it can be written), one cached buffer
 * per regset and thread, read on first use and written back before the
 * thread resumes.  The register rows (stub/arm64.c) say which regset and
 * where; the SVE rows need converting, which sve_*() below do.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <asm/hwcap.h>
#include <asm/ptrace.h>

#include "arm64.h"
#include "syscall_regs.h"
#include "target.h"
#include "target_int.h"

struct regset_info {
	unsigned int note;	/* the NT_* type PTRACE_GETREGSET takes */
	unsigned short size;	/* bytes the cache holds (RS_SVE: see sve_fetch()) */
	bool read_only;		/* the kernel has no set for it */
};

static const struct regset_info regsets[RS_COUNT] = {
	[RS_GPR] = { ARM64_NT_PRSTATUS, RS_GPR_SIZE, false },
	[RS_FP] = { ARM64_NT_PRFPREG, RS_FP_SIZE, false },
	[RS_SVE] = { ARM64_NT_ARM_SVE, 0, false },
	[RS_SYSCALL] = { ARM64_NT_ARM_SYSTEM_CALL, RS_SYSCALL_SIZE, false },
	[RS_TLS] = { ARM64_NT_ARM_TLS, RS_TLS_SIZE, false },
	/* pac_mask_get() only: arch/arm64/kernel/ptrace.c */
	[RS_PAC] = { ARM64_NT_ARM_PAC_MASK, RS_PAC_SIZE, true },
	[RS_MTE] = { ARM64_NT_ARM_TAGGED_ADDR_CTRL, RS_MTE_SIZE, false },
};

/* The SVE buffer holds any vector length up to the architectural maximum. */
#define SVE_BUF_SIZE	SVE_PT_SIZE(REGS_SVE_VQ_MAX, SVE_PT_REGS_SVE)

static unsigned char *fixed_buf(struct regcache *rc, enum regset_id id)
{
	switch (id) {
	case RS_GPR:
		return rc->gpr;
	case RS_FP:
		return rc->fp;
	case RS_SYSCALL:
		return rc->sysc;
	case RS_TLS:
		return rc->tls;
	case RS_PAC:
		return rc->pac;
	case RS_MTE:
		return rc->mte;
	case RS_SVE:
	case RS_COUNT:
		break;
	}
	return NULL;
}

/* How many bytes of the regset the kernel itself holds. */
static size_t kernel_size(struct target *t, enum regset_id id)
{
	if (id == RS_GPR)
		return t->seed_abi ? ARM64_PRSTATUS_SEED : ARM64_PRSTATUS_STOCK;
	if (id == RS_TLS)
		return t->tls_regs == 2 ? 16 : 8;
	return regsets[id].size;
}

static struct user_sve_header *sve_header(struct regcache *rc)
{
	return (struct user_sve_header *)rc->sve;
}

static unsigned int sve_vq(struct regcache *rc)
{
	return sve_vq_from_vl(sve_header(rc)->vl);
}

/*
 * NT_ARM_SVE comes in one of two layouts (Documentation/arm64/sve.rst,
 * "ptrace extensions"): the full SVE state, or, while the task has not
 * used SVE since its last syscall, only the FPSIMD state.  Keep it in the
 * SVE layout either way; the FPSIMD registers are the low 128 bits of
 * the Z registers and the rest is zero, as the task would find it.
 */
static int sve_fetch(struct regcache *rc, pid_t tid)
{
	struct iovec iov;
	struct user_fpsimd_state fp;
	unsigned int vq;

	if (!rc->sve) {
		rc->sve = malloc(SVE_BUF_SIZE);
		if (!rc->sve)
			return -ENOMEM;
	}
	iov.iov_base = rc->sve;
	iov.iov_len = SVE_BUF_SIZE;
	if (ptrace(PTRACE_GETREGSET, tid, ARM64_NT_ARM_SVE, &iov))
		return -errno;
	vq = sve_vq(rc);
	if (iov.iov_len < sizeof(struct user_sve_header) ||
	    !sve_vl_valid(sve_header(rc)->vl) || vq > REGS_SVE_VQ_MAX)
		return -EIO;
	rc->sve_fpsimd = (sve_header(rc)->flags & SVE_PT_REGS_MASK) == SVE_PT_REGS_FPSIMD;
	if (rc->sve_fpsimd) {
		memcpy(&fp, rc->sve + SVE_PT_FPSIMD_OFFSET, sizeof(fp));
		memset(rc->sve + SVE_PT_SVE_OFFSET, 0, SVE_PT_SVE_SIZE(vq, SVE_PT_REGS_SVE));
		for (int i = 0; i < 32; i++)
			memcpy(rc->sve + SVE_PT_SVE_ZREG_OFFSET(vq, i), &fp.vregs[i], 16);
		memcpy(rc->sve + SVE_PT_SVE_FPSR_OFFSET(vq), &fp.fpsr, 4);
		memcpy(rc->sve + SVE_PT_SVE_FPCR_OFFSET(vq), &fp.fpcr, 4);
	}
	return 0;
}

/* Returns: whether anything beyond the FPSIMD registers is non-zero. */
static bool sve_has_sve_state(struct regcache *rc, unsigned int vq)
{
	size_t zsz = SVE_PT_SVE_ZREG_SIZE(vq);
	size_t poff = SVE_PT_SVE_PREGS_OFFSET(vq);
	size_t pend = SVE_PT_SVE_FFR_OFFSET(vq) + SVE_PT_SVE_FFR_SIZE(vq);

	for (int i = 0; i < 32; i++) {
		const unsigned char *z = rc->sve + SVE_PT_SVE_ZREG_OFFSET(vq, i);

		for (size_t b = 16; b < zsz; b++)
			if (z[b])
				return true;
	}
	for (size_t b = poff; b < pend; b++)
		if (rc->sve[b])
			return true;
	return false;
}

/*
 * Write the SVE state back in the layout the kernel gave it, unless it
 * came as FPSIMD and now holds SVE-only state (then as SVE, which turns
 * the task's SVE state on, as a write of those registers must).  Never
 * through NT_PRFPREG: on an SVE task that drops the SVE state
 * (fpr_set() -> fpsimd_flush_task_state() and the FPSIMD-only reload).
 * The header's vl and flags are the kernel's own: the same vector length
 * (no change), and the VL_INHERIT/VL_ONEXEC bits kept as they were, since
 * sve_set_common() applies them.
 */
static int sve_store(struct regcache *rc, pid_t tid)
{
	struct user_sve_header *h = sve_header(rc);
	unsigned int vq = sve_vq(rc);
	unsigned char buf[SVE_PT_FPSIMD_OFFSET + sizeof(struct user_fpsimd_state)];
	struct user_fpsimd_state fp;
	struct iovec iov;

	if (rc->sve_fpsimd && !sve_has_sve_state(rc, vq)) {
		struct user_sve_header fh = *h;

		memset(&fp, 0, sizeof(fp));
		for (int i = 0; i < 32; i++)
			memcpy(&fp.vregs[i], rc->sve + SVE_PT_SVE_ZREG_OFFSET(vq, i), 16);
		memcpy(&fp.fpsr, rc->sve + SVE_PT_SVE_FPSR_OFFSET(vq), 4);
		memcpy(&fp.fpcr, rc->sve + SVE_PT_SVE_FPCR_OFFSET(vq), 4);
		fh.flags = (uint16_t)((h->flags & ~SVE_PT_REGS_MASK) | SVE_PT_REGS_FPSIMD);
		fh.size = sizeof(buf);
		memset(buf, 0, sizeof(buf));
		memcpy(buf, &fh, sizeof(fh));
		memcpy(buf + SVE_PT_FPSIMD_OFFSET, &fp, sizeof(fp));
		iov.iov_base = buf;
		iov.iov_len = sizeof(buf);
	} else {
		h->flags = (uint16_t)((h->flags & ~SVE_PT_REGS_MASK) | SVE_PT_REGS_SVE);
		h->size = SVE_PT_SIZE(vq, SVE_PT_REGS_SVE);
		iov.iov_base = rc->sve;
		iov.iov_len = h->size;
	}
	if (ptrace(PTRACE_SETREGSET, tid, ARM64_NT_ARM_SVE, &iov))
		return -errno;
	rc->sve_fpsimd = (h->flags & SVE_PT_REGS_MASK) == SVE_PT_REGS_FPSIMD &&
			 iov.iov_base != rc->sve;
	return 0;
}

int regset_fetch(struct target *t, struct thread *th, enum regset_id id)
{
	struct iovec iov;
	int err;

	if (th->rc.valid[id])
		return 0;
	if (th->running)
		return -EBUSY;
	if (id == RS_SVE) {
		err = sve_fetch(&th->rc, th->tid);
		if (err)
			return err;
		th->rc.valid[id] = true;
		return 0;
	}
	iov.iov_base = fixed_buf(&th->rc, id);
	iov.iov_len = kernel_size(t, id);
	memset(iov.iov_base, 0, regsets[id].size);
	if (ptrace(PTRACE_GETREGSET, th->tid, regsets[id].note, &iov))
		return -errno;
	th->rc.valid[id] = true;
	if (id == RS_GPR && !t->seed_abi)
		syscall_regs_fill(t, th);
	return 0;
}

static int regset_store(struct target *t, struct thread *th, enum regset_id id)
{
	struct iovec iov = { fixed_buf(&th->rc, id), kernel_size(t, id) };
	int err;

	if (id == RS_SVE) {
		err = sve_store(&th->rc, th->tid);
		if (err)
			return err;
	} else if (ptrace(PTRACE_SETREGSET, th->tid, regsets[id].note, &iov)) {
		return -errno;
	}
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

int regs_store_again(struct target *t, struct thread *th, enum regset_id id)
{
	th->rc.valid[id] = true;
	return regset_store(t, th, id);
}

void regs_invalidate(struct thread *th)
{
	memset(th->rc.valid, 0, sizeof(th->rc.valid));
	memset(th->rc.dirty, 0, sizeof(th->rc.dirty));
}

void regs_release(struct thread *th)
{
	free(th->rc.sve);
	th->rc.sve = NULL;
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

/* ---- the CPU's features ---- */

void regs_probe_kernel(struct target *t, pid_t tid)
{
	unsigned char buf[RS_TLS_SIZE];
	struct iovec iov = { buf, sizeof(buf) };

	/* 6.1 and later give tpidr2 (zero without SME) in a 16-byte NT_ARM_TLS. */
	t->tls_regs = 1;
	if (ptrace(PTRACE_GETREGSET, tid, ARM64_NT_ARM_TLS, &iov) == 0 &&
	    iov.iov_len == 16)
		t->tls_regs = 2;
}

/*
 * The features of the CPU the stub runs on (the tracees run on the same
 * one): HWCAPs for pointer authentication and MTE, as gdbserver uses
 * them; @tid's own vector length (0: ask the kernel what a new program
 * gets, which is the stub's own unless someone changed it).
 */
static void cpu_features(struct target *t, pid_t tid, struct cpu_features *f)
{
	unsigned long hwcap = getauxval(AT_HWCAP), hwcap2 = getauxval(AT_HWCAP2);
	struct user_sve_header h;
	struct iovec iov = { &h, sizeof(h) };
	int vl;

	memset(f, 0, sizeof(*f));
	f->pauth = hwcap & HWCAP_PACA;
	f->mte = hwcap2 & HWCAP2_MTE;
	f->tls_regs = t->tls_regs ? t->tls_regs : 1;
	if (!(hwcap & HWCAP_SVE))
		return;
	if (tid > 0) {
		if (ptrace(PTRACE_GETREGSET, tid, ARM64_NT_ARM_SVE, &iov) == 0 &&
		    sve_vl_valid(h.vl))
			f->vq = sve_vq_from_vl(h.vl);
		return;
	}
	vl = prctl(PR_SVE_GET_VL, 0, 0, 0, 0);
	if (vl >= 0 && sve_vl_valid(vl & PR_SVE_VL_LEN_MASK))
		f->vq = sve_vq_from_vl(vl & PR_SVE_VL_LEN_MASK);
}

void regs_default_layout(struct target *t)
{
	struct cpu_features f;

	cpu_features(t, 0, &f);
	regs_layout_init(&t->layout, &f);
}

void regs_process_layout(struct target *t, struct process *p, pid_t tid)
{
	struct cpu_features f;

	cpu_features(t, tid, &f);
	regs_layout_init(&p->layout, &f);
}

const struct reg_layout *target_reg_layout(const struct target *t,
					   const struct thread *th)
{
	return th ? &th->proc->layout : &t->layout;
}

/* ---- one register ---- */

/*
 * The SVE registers as GDB has them described: @vq quadwords (the vector
 * length of the description GDB read, struct process's layout).  A thread
 * whose own vector length is shorter shows zeros past its end, and ignores
 * writes there; one whose vector length is longer keeps its upper lanes
 * as they are.  vg is always the thread's own.
 */
static void sve_span(struct regcache *rc, const struct reg_desc *r,
		     unsigned int *off, size_t *len)
{
	unsigned int vq = sve_vq(rc);

	switch (r->shape) {
	case RSH_SVE_Z:
		*off = SVE_PT_SVE_ZREG_OFFSET(vq, r->offset);
		*len = SVE_PT_SVE_ZREG_SIZE(vq);
		break;
	case RSH_SVE_P:
		*off = r->offset == 16 ? SVE_PT_SVE_FFR_OFFSET(vq) :
		       SVE_PT_SVE_PREG_OFFSET(vq, r->offset);
		*len = SVE_PT_SVE_PREG_SIZE(vq);
		break;
	case RSH_SVE_FPSR:
		*off = SVE_PT_SVE_FPSR_OFFSET(vq);
		*len = 4;
		break;
	case RSH_SVE_FPCR:
		*off = SVE_PT_SVE_FPCR_OFFSET(vq);
		*len = 4;
		break;
	default:
		*off = 0;
		*len = 0;
		break;
	}
}

static void row_get(struct regcache *rc, const struct reg_desc *r, size_t bytes,
		    unsigned char *buf)
{
	unsigned int off;
	size_t len;

	if (r->shape == RSH_FIXED) {
		memcpy(buf, fixed_buf(rc, r->regset) + r->offset, bytes);
		return;
	}
	if (r->shape == RSH_SVE_VG) {
		uint64_t vg = sve_header(rc)->vl / 8;

		memcpy(buf, &vg, sizeof(vg));
		return;
	}
	sve_span(rc, r, &off, &len);
	memset(buf, 0, bytes);
	memcpy(buf, rc->sve + off, len < bytes ? len : bytes);
}

/* Returns: whether the row's bytes changed. */
static bool row_put(struct regcache *rc, const struct reg_desc *r, size_t bytes,
		    const unsigned char *buf)
{
	unsigned char *dst;
	unsigned int off;
	size_t len;

	if (r->shape == RSH_FIXED) {
		dst = fixed_buf(rc, r->regset) + r->offset;
		len = bytes;
	} else {
		sve_span(rc, r, &off, &len);
		dst = rc->sve + off;
		if (len > bytes)
			len = bytes;
	}
	if (!memcmp(dst, buf, len))
		return false;
	memcpy(dst, buf, len);
	return true;
}

int target_reg_read_id(struct target *t, struct thread *th, enum reg_id id,
		       unsigned int bits, void *buf)
{
	const struct reg_desc *r = &regs_catalogue[id];
	int err = regset_fetch(t, th, r->regset);

	if (err)
		return err;
	row_get(&th->rc, r, bits / 8, buf);
	syscall_regs_read(t, th, id, buf);
	return 0;
}

int target_reg_read(struct target *t, struct thread *th, unsigned int regno,
		    void *buf)
{
	const struct reg_layout *l = &th->proc->layout;

	if (regno >= l->count)
		return -EINVAL;
	return target_reg_read_id(t, th, l->id[regno], l->bits[regno], buf);
}

int target_reg_write(struct target *t, struct thread *th, unsigned int regno,
		     const void *buf)
{
	const struct reg_layout *l = &th->proc->layout;
	unsigned char old[REGS_MAX_BYTES];
	const struct reg_desc *r;
	size_t bytes;
	int err;

	if (regno >= l->count)
		return -EINVAL;
	r = regs_row(l, regno);
	bytes = l->bits[regno] / 8;
	err = regset_fetch(t, th, r->regset);
	if (err)
		return err;
	/* GDB's G packet rewrites every register: skip the unchanged ones. */
	row_get(&th->rc, r, bytes, old);
	if (!memcmp(old, buf, bytes))
		return 0;
	if (regsets[r->regset].read_only)
		return -EPERM;
	if (r->shape == RSH_SVE_VG)
		return -EOPNOTSUPP;	/* a vector length change: see README */
	err = syscall_regs_write(t, th, l->id[regno], buf);
	if (err <= 0)
		return err;
	if (row_put(&th->rc, r, bytes, buf))
		th->rc.dirty[r->regset] = true;
	return 0;
}

int target_reg_number(const struct target *t, const struct thread *th,
		      const char *name)
{
	return regs_find(target_reg_layout(t, th), name);
}
