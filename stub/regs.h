/* SPDX-License-Identifier: MIT */
/*
 * The register table: one row per register GDB sees, in GDB's numbering.
 * g/G/p/P, the expedited registers of stop replies and the check against
 * xml/ all walk this table; nothing else knows register numbers.
 */
#ifndef A64STUB_REGS_H
#define A64STUB_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kernel register sets a register can live in. */
enum regset_id {
	RS_GPR,		/* NT_PRSTATUS, extended with orig_x0/orig_x7 */
	RS_FP,		/* NT_PRFPREG: v0-v31, fpsr, fpcr */
	RS_SYSCALL,	/* NT_ARM_SYSTEM_CALL: the syscall number */
	RS_TLS,		/* NT_ARM_TLS: tpidr */
	RS_COUNT,
};

struct reg_desc {
	const char *name;
	unsigned short bitsize;
	const char *type;	/* tdesc type, e.g. "int", "code_ptr" */
	const char *feature;	/* tdesc feature name */
	enum regset_id regset;
	unsigned short offset;	/* byte offset in the regset buffer */
};

/* Byte sizes of the regset buffers the cache keeps. */
#define RS_GPR_SIZE	288	/* user_pt_regs + orig_x0 + orig_x7 */
#define RS_FP_SIZE	528	/* user_fpsimd_state */
#define RS_SYSCALL_SIZE	4
#define RS_TLS_SIZE	8

/*
 * A thread's registers as last read from (or to be written to) the
 * kernel, one buffer per regset.  Filled lazily by the target layer.
 */
struct regcache {
	bool valid[RS_COUNT];
	bool dirty[RS_COUNT];
	unsigned char gpr[RS_GPR_SIZE];
	unsigned char fp[RS_FP_SIZE];
	unsigned char sysc[RS_SYSCALL_SIZE];
	unsigned char tls[RS_TLS_SIZE];
};

extern const struct reg_desc regs_table[];
extern const unsigned int regs_count;

/* Returns: the bytes of regset @id inside @rc. */
unsigned char *regs_buf(struct regcache *rc, enum regset_id id);

/* Returns: the byte size of regset @id. */
size_t regs_set_size(enum regset_id id);

/* Returns: the table index of register @name, or -1. */
int regs_find(const char *name);

/* Returns: the total byte size of a 'g' packet's register block. */
size_t regs_g_size(void);

#endif
