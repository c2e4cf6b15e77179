// SPDX-License-Identifier: MIT
/*
 * The aarch64 register catalogue: every register the stub can show, one
 * row each, indexed by enum reg_id (stub/regs.h).  Which rows a CPU has,
 * and in which GDB numbers, is regs_layout_init()'s job (stub/regs.c).
 * The fixed features' rows must match xml/, the SVE rows the feature
 * stub/tdesc.c writes; tests/unit/test_tdesc.c checks both.
 */
#include "arm64.h"
#include "regs.h"

#define CORE	"org.gnu.gdb.aarch64.core"
#define FPU	"org.gnu.gdb.aarch64.fpu"
#define SVE	"org.gnu.gdb.aarch64.sve"
#define SYSC	"org.a64stub.aarch64.linux.syscall"
#define TLS	"org.gnu.gdb.aarch64.tls"
#define PAUTH	"org.gnu.gdb.aarch64.pauth"
#define MTE	"org.gnu.gdb.aarch64.mte"

#define X(n)	[REG_X0 + (n)] = { "x" #n, 64, "int", CORE, RS_GPR, ARM64_OFF_X(n), RSH_FIXED }
#define V(n)	[REG_V0 + (n)] = { "v" #n, 128, "aarch64v", FPU, RS_FP, (n) * 16, RSH_FIXED }
/* Z and P sizes are per 128 bits of vector length (a quadword, "VQ"). */
#define Z(n)	[REG_Z0 + (n)] = { "z" #n, 128, "svev", SVE, RS_SVE, (n), RSH_SVE_Z }
#define P(n)	[REG_P0 + (n)] = { "p" #n, 16, "svep", SVE, RS_SVE, (n), RSH_SVE_P }

const struct reg_desc regs_catalogue[REG_ID_COUNT] = {
	X(0), X(1), X(2), X(3), X(4), X(5), X(6), X(7),
	X(8), X(9), X(10), X(11), X(12), X(13), X(14), X(15),
	X(16), X(17), X(18), X(19), X(20), X(21), X(22), X(23),
	X(24), X(25), X(26), X(27), X(28), X(29), X(30),
	[REG_SP] = { "sp", 64, "data_ptr", CORE, RS_GPR, ARM64_OFF_SP, RSH_FIXED },
	[REG_PC] = { "pc", 64, "code_ptr", CORE, RS_GPR, ARM64_OFF_PC, RSH_FIXED },
	[REG_CPSR] = { "cpsr", 32, "cpsr_flags", CORE, RS_GPR, ARM64_OFF_PSTATE, RSH_FIXED },
	V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7),
	V(8), V(9), V(10), V(11), V(12), V(13), V(14), V(15),
	V(16), V(17), V(18), V(19), V(20), V(21), V(22), V(23),
	V(24), V(25), V(26), V(27), V(28), V(29), V(30), V(31),
	[REG_FPSR] = { "fpsr", 32, "int", FPU, RS_FP, 512, RSH_FIXED },
	[REG_FPCR] = { "fpcr", 32, "int", FPU, RS_FP, 516, RSH_FIXED },
	[REG_ORIG_X0] = { "orig_x0", 64, "int", SYSC, RS_GPR, ARM64_OFF_ORIG_X0, RSH_FIXED },
	[REG_ORIG_X7] = { "orig_x7", 64, "int", SYSC, RS_GPR, ARM64_OFF_ORIG_X7, RSH_FIXED },
	[REG_SYSCALLNO] = { "syscallno", 32, "int", SYSC, RS_SYSCALL, 0, RSH_FIXED },
	[REG_TPIDR] = { "tpidr", 64, "data_ptr", TLS, RS_TLS, 0, RSH_FIXED },
	[REG_TPIDR2] = { "tpidr2", 64, "data_ptr", TLS, RS_TLS, 8, RSH_FIXED },
	Z(0), Z(1), Z(2), Z(3), Z(4), Z(5), Z(6), Z(7),
	Z(8), Z(9), Z(10), Z(11), Z(12), Z(13), Z(14), Z(15),
	Z(16), Z(17), Z(18), Z(19), Z(20), Z(21), Z(22), Z(23),
	Z(24), Z(25), Z(26), Z(27), Z(28), Z(29), Z(30), Z(31),
	[REG_SVE_FPSR] = { "fpsr", 32, "int", SVE, RS_SVE, 0, RSH_SVE_FPSR },
	[REG_SVE_FPCR] = { "fpcr", 32, "int", SVE, RS_SVE, 0, RSH_SVE_FPCR },
	P(0), P(1), P(2), P(3), P(4), P(5), P(6), P(7),
	P(8), P(9), P(10), P(11), P(12), P(13), P(14), P(15),
	[REG_FFR] = { "ffr", 16, "svep", SVE, RS_SVE, 16, RSH_SVE_P },
	[REG_VG] = { "vg", 64, "int", SVE, RS_SVE, 0, RSH_SVE_VG },
	[REG_PAUTH_DMASK] = { "pauth_dmask", 64, "int", PAUTH, RS_PAC, 0, RSH_FIXED },
	[REG_PAUTH_CMASK] = { "pauth_cmask", 64, "int", PAUTH, RS_PAC, 8, RSH_FIXED },
	[REG_TAG_CTL] = { "tag_ctl", 64, "uint64", MTE, RS_MTE, 0, RSH_FIXED },
};
