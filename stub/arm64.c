// SPDX-License-Identifier: MIT
/*
 * The aarch64 register table, in GDB's numbering: the core feature
 * (x0-x30, sp, pc, cpsr), the FP/SIMD feature (v0-v31, fpsr, fpcr), our
 * syscall feature (orig_x0, orig_x7, syscallno) and TLS (tpidr).  The
 * order and sizes must match xml/; tests/unit checks that they do.
 */
#include "arm64.h"
#include "regs.h"

#define CORE	"org.gnu.gdb.aarch64.core"
#define FPU	"org.gnu.gdb.aarch64.fpu"
#define SYSC	"org.a64stub.aarch64.linux.syscall"
#define TLS	"org.gnu.gdb.aarch64.tls"

#define X(n)	{ "x" #n, 64, "int", CORE, RS_GPR, ARM64_OFF_X(n) }
#define V(n)	{ "v" #n, 128, "aarch64v", FPU, RS_FP, (n) * 16 }

const struct reg_desc regs_table[] = {
	X(0), X(1), X(2), X(3), X(4), X(5), X(6), X(7),
	X(8), X(9), X(10), X(11), X(12), X(13), X(14), X(15),
	X(16), X(17), X(18), X(19), X(20), X(21), X(22), X(23),
	X(24), X(25), X(26), X(27), X(28), X(29), X(30),
	{ "sp", 64, "data_ptr", CORE, RS_GPR, ARM64_OFF_SP },
	{ "pc", 64, "code_ptr", CORE, RS_GPR, ARM64_OFF_PC },
	{ "cpsr", 32, "cpsr_flags", CORE, RS_GPR, ARM64_OFF_PSTATE },
	V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7),
	V(8), V(9), V(10), V(11), V(12), V(13), V(14), V(15),
	V(16), V(17), V(18), V(19), V(20), V(21), V(22), V(23),
	V(24), V(25), V(26), V(27), V(28), V(29), V(30), V(31),
	{ "fpsr", 32, "int", FPU, RS_FP, 512 },
	{ "fpcr", 32, "int", FPU, RS_FP, 516 },
	{ "orig_x0", 64, "int", SYSC, RS_GPR, ARM64_OFF_ORIG_X0 },
	{ "orig_x7", 64, "int", SYSC, RS_GPR, ARM64_OFF_ORIG_X7 },
	{ "syscallno", 32, "int", SYSC, RS_SYSCALL, 0 },
	{ "tpidr", 64, "data_ptr", TLS, RS_TLS, 0 },
};

const unsigned int regs_count = sizeof(regs_table) / sizeof(regs_table[0]);
