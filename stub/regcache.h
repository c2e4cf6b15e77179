/* SPDX-License-Identifier: MIT */
/*
 * A thread's registers as last read from (or to be written to) the
 * kernel, one buffer per regset (enum regset_id), filled on first use
 * and written back before the thread resumes (stub/target_regs.c).
 * Target side only.
 */
#ifndef A64STUB_REGCACHE_H
#define A64STUB_REGCACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "regs.h"

/* Byte sizes of the fixed regset buffers the cache keeps. */
#define RS_GPR_SIZE	288	/* user_pt_regs + orig_x0 + orig_x7 */
#define RS_FP_SIZE	528	/* user_fpsimd_state */
#define RS_SYSCALL_SIZE	4
#define RS_TLS_SIZE	16	/* tpidr, tpidr2 */
#define RS_PAC_SIZE	16	/* struct user_pac_mask */
#define RS_MTE_SIZE	8	/* a long */

struct regcache {
	bool valid[RS_COUNT];
	bool dirty[RS_COUNT];
	unsigned char gpr[RS_GPR_SIZE];
	unsigned char fp[RS_FP_SIZE];
	unsigned char sysc[RS_SYSCALL_SIZE];
	unsigned char tls[RS_TLS_SIZE];
	unsigned char pac[RS_PAC_SIZE];
	unsigned char mte[RS_MTE_SIZE];
	/*
	 * NT_ARM_SVE, always held in the kernel's SVE layout at the thread's
	 * own vector length (header + z0-z31, p0-p15, ffr, fpsr, fpcr), even
	 * when the kernel gave the FPSIMD layout (then sve_fpsimd is set and
	 * everything past the low 128 bits of each Z is zero).  Allocated on
	 * first use: threads of CPUs without SVE never have it.
	 */
	unsigned char *sve;
	bool sve_fpsimd;
};

#endif
