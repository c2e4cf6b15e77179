// SPDX-License-Identifier: MIT
/*
 * Layouts: which catalogue rows a CPU has, in GDB's numbering.  The
 * order of the features is the order of target.xml (stub/tdesc.c):
 * core, then FP/SIMD or SVE (GDB refuses both), our syscall feature,
 * TLS, pointer authentication, MTE.  Without SVE, pauth and MTE the
 * numbers are those a64stub has always used (orig_x0 is 68, tpidr 71).
 */
#include <string.h>

#include "regs.h"

static void add(struct reg_layout *l, enum reg_id id)
{
	const struct reg_desc *r = &regs_catalogue[id];
	unsigned int bits = r->bitsize;

	if (r->shape == RSH_SVE_Z || r->shape == RSH_SVE_P)
		bits *= l->f.vq;
	l->num[id] = (short)l->count;
	l->id[l->count] = (unsigned char)id;
	l->bits[l->count] = (unsigned short)bits;
	l->g_size += bits / 8;
	l->count++;
}

static void add_range(struct reg_layout *l, enum reg_id first, enum reg_id last)
{
	for (int id = first; id <= (int)last; id++)
		add(l, (enum reg_id)id);
}

void regs_layout_init(struct reg_layout *l, const struct cpu_features *f)
{
	memset(l, 0, sizeof(*l));
	for (int id = 0; id < REG_ID_COUNT; id++)
		l->num[id] = -1;
	l->f = *f;
	if (l->f.vq > REGS_SVE_VQ_MAX)
		l->f.vq = 0;
	if (l->f.tls_regs < 1 || l->f.tls_regs > 2)
		l->f.tls_regs = 1;
	add_range(l, REG_X0, REG_CPSR);
	if (l->f.vq)
		add_range(l, REG_Z0, REG_VG);	/* z0-z31, fpsr, fpcr, p0-p15, ffr, vg */
	else
		add_range(l, REG_V0, REG_FPCR);
	add_range(l, REG_ORIG_X0, REG_SYSCALLNO);
	add_range(l, REG_TPIDR, l->f.tls_regs == 2 ? REG_TPIDR2 : REG_TPIDR);
	if (l->f.pauth)
		add_range(l, REG_PAUTH_DMASK, REG_PAUTH_CMASK);
	if (l->f.mte)
		add(l, REG_TAG_CTL);
}

int regs_find(const struct reg_layout *l, const char *name)
{
	for (unsigned int i = 0; i < l->count; i++)
		if (!strcmp(regs_row(l, i)->name, name))
			return (int)i;
	return -1;
}

bool regs_same_features(const struct cpu_features *a, const struct cpu_features *b)
{
	return a->vq == b->vq && a->pauth == b->pauth && a->mte == b->mte &&
	       a->tls_regs == b->tls_regs;
}
