/* SPDX-License-Identifier: MIT */
/*
 * The register table.  Two levels, both plain data:
 *
 *  - the catalogue (regs_catalogue[], stub/arm64.c): one row for every
 *    register the stub can ever show, indexed by a stable enum reg_id
 *    (the stub's own name for a register, used by the target code);
 *  - a layout (struct reg_layout): the rows a given CPU and kernel have,
 *    in GDB's numbering.  It is built from the CPU's features (SVE and
 *    its vector length, pointer authentication, MTE, the size of
 *    NT_ARM_TLS) by regs_layout_init(), and is what g/G/p/P, the
 *    expedited registers of stop replies and the target description
 *    (stub/tdesc.c) walk.  Nothing else knows GDB's register numbers.
 *
 * On a CPU without any of those features the layout is today's fixed
 * one: x0-x30, sp, pc, cpsr, v0-v31, fpsr, fpcr, orig_x0, orig_x7,
 * syscallno, tpidr (and tpidr2 where the kernel's NT_ARM_TLS has it).
 */
#ifndef A64STUB_REGS_H
#define A64STUB_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kernel register sets a register can live in (one row each in target_regs.c). */
enum regset_id {
	RS_GPR,		/* NT_PRSTATUS, extended with orig_x0/orig_x7 */
	RS_FP,		/* NT_PRFPREG: v0-v31, fpsr, fpcr */
	RS_SVE,		/* NT_ARM_SVE: z0-z31, p0-p15, ffr, fpsr, fpcr; vg from its header */
	RS_SYSCALL,	/* NT_ARM_SYSTEM_CALL: the syscall number */
	RS_TLS,		/* NT_ARM_TLS: tpidr, tpidr2 */
	RS_PAC,		/* NT_ARM_PAC_MASK: the data and code PAC masks (read-only) */
	RS_MTE,		/* NT_ARM_TAGGED_ADDR_CTRL: prctl's tagged-address control */
	RS_COUNT,
};

/*
 * How a row's bytes are found in its regset.  Fixed rows sit at a byte
 * offset; the SVE rows depend on the thread's vector length and are
 * converted by target_regs.c (the Z, P and FFR sizes scale with it).
 */
enum reg_shape {
	RSH_FIXED,	/* offset bytes into the regset buffer */
	RSH_SVE_Z,	/* Z register number `offset` */
	RSH_SVE_P,	/* P register number `offset`; 16 is FFR */
	RSH_SVE_FPSR,
	RSH_SVE_FPCR,
	RSH_SVE_VG,	/* the vector length in 64-bit granules, from the header */
};

/* The stub's own, stable names for registers: indexes of regs_catalogue[]. */
enum reg_id {
	REG_X0 = 0,		/* ... x30 = 30 */
	REG_SP = 31,
	REG_PC = 32,
	REG_CPSR = 33,
	REG_V0 = 34,		/* ... v31 = 65 */
	REG_FPSR = 66,
	REG_FPCR = 67,
	REG_ORIG_X0 = 68,
	REG_ORIG_X7 = 69,
	REG_SYSCALLNO = 70,
	REG_TPIDR = 71,
	REG_TPIDR2 = 72,
	REG_Z0 = 73,		/* ... z31 = 104 */
	REG_SVE_FPSR = 105,
	REG_SVE_FPCR = 106,
	REG_P0 = 107,		/* ... p15 = 122 */
	REG_FFR = 123,
	REG_VG = 124,
	REG_PAUTH_DMASK = 125,
	REG_PAUTH_CMASK = 126,
	REG_TAG_CTL = 127,
	REG_ID_COUNT = 128,
};

struct reg_desc {
	const char *name;
	unsigned short bitsize;	/* RSH_SVE_Z/P rows: bits per 128-bit quadword of vector length */
	const char *type;	/* tdesc type, e.g. "int", "code_ptr" */
	const char *feature;	/* tdesc feature name */
	enum regset_id regset;
	unsigned short offset;	/* RSH_FIXED: byte offset in the regset buffer; SVE: register index */
	enum reg_shape shape;
};

/* What a CPU (and kernel) has beyond ARMv8.0 that changes the registers. */
struct cpu_features {
	unsigned int vq;	/* SVE vector length in 128-bit quadwords; 0: no SVE */
	bool pauth;		/* pointer authentication (HWCAP_PACA) */
	bool mte;		/* memory tagging (HWCAP2_MTE) */
	unsigned int tls_regs;	/* 8-byte slots in NT_ARM_TLS: 1 tpidr, 2 + tpidr2 */
};

/* The largest architectural SVE vector length: 2048 bits (Arm ARM, ZCR_ELx.LEN). */
#define REGS_SVE_VQ_MAX	16
/* The largest register: an SVE Z register at the largest vector length. */
#define REGS_MAX_BYTES	(REGS_SVE_VQ_MAX * 16)
#define REGS_MAX	REG_ID_COUNT

/* The registers one CPU has, in GDB's numbering. */
struct reg_layout {
	struct cpu_features f;
	unsigned int count;
	unsigned char id[REGS_MAX];	/* GDB number -> reg_id */
	short num[REG_ID_COUNT];	/* reg_id -> GDB number, or -1 */
	unsigned short bits[REGS_MAX];	/* GDB number -> size in bits */
	size_t g_size;			/* bytes of a 'g' packet's register block */
};

extern const struct reg_desc regs_catalogue[REG_ID_COUNT];

/* Fill @l with the registers of a CPU with features @f. */
void regs_layout_init(struct reg_layout *l, const struct cpu_features *f);

/* Returns: the catalogue row of GDB register @regno in @l (regno < l->count). */
static inline const struct reg_desc *regs_row(const struct reg_layout *l,
					      unsigned int regno)
{
	return &regs_catalogue[l->id[regno]];
}

/* Returns: the GDB number of register @name in @l, or -1. */
int regs_find(const struct reg_layout *l, const char *name);

/* Returns: whether two feature sets give the same layout. */
bool regs_same_features(const struct cpu_features *a, const struct cpu_features *b);

#endif
