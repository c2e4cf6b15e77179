/* SPDX-License-Identifier: MIT */
/* arm64 facts the rest of the stub needs; kept in one place. */
#ifndef A64STUB_ARM64_H
#define A64STUB_ARM64_H

#include <stdint.h>

#include "regs.h"

/*
 * BRK #0: the software breakpoint instruction.  It must match what GDB's
 * aarch64 target inserts (aarch64_default_breakpoint), since GDB may read
 * it back; the pc stays on the BRK when it traps.
 */
#define ARM64_BRK_INSN		0xd4200000u
#define ARM64_BRK_LEN		4
#define ARM64_SVC_LEN		4	/* svc #0 is 4 bytes: restart rewinds pc by 4 */

/* ELF note types of the regsets (linux/elf.h). */
#define ARM64_NT_PRSTATUS	1
#define ARM64_NT_PRFPREG	2
#define ARM64_NT_ARM_TLS	0x401
#define ARM64_NT_ARM_HW_BREAK	0x402
#define ARM64_NT_ARM_HW_WATCH	0x403
#define ARM64_NT_ARM_SYSTEM_CALL 0x404
#define ARM64_NT_ARM_SVE	0x405
#define ARM64_NT_ARM_PAC_MASK	0x406
#define ARM64_NT_ARM_TAGGED_ADDR_CTRL 0x409

/* Byte offsets inside the (extended) NT_PRSTATUS buffer. */
#define ARM64_OFF_X(n)		((n) * 8)
#define ARM64_OFF_SP		248
#define ARM64_OFF_PC		256
#define ARM64_OFF_PSTATE	264
#define ARM64_OFF_ORIG_X0	272	/* seed ABI v3 */
#define ARM64_OFF_ORIG_X7	280	/* seed ABI v3 */
#define ARM64_PRSTATUS_STOCK	272	/* user_pt_regs on every released kernel */
#define ARM64_PRSTATUS_SEED	288	/* ... with orig_x0 and orig_x7 appended */

/*
 * x7 is the register the kernel clobbers at syscall stops with 0 (entry)
 * or 1 (exit): report_syscall() in arch/arm64/kernel/ptrace.c.
 */
#define ARM64_SYSCALL_MARKER_REG 7

/* Syscall numbers the stub itself needs to recognise (asm-generic). */
#define ARM64_NR_EXECVE		221
#define ARM64_NR_RT_SIGRETURN	139
#define ARM64_NR_RESTART_SYSCALL 128

/*
 * Offset of sigcontext.regs[0] from the rt_sigframe that sp points to at
 * rt_sigreturn entry: siginfo (128) + ucontext's uc_flags, uc_link,
 * uc_stack, uc_sigmask and padding up to uc_mcontext (176, 16-aligned)
 * + sigcontext.fault_address (8).  See arch/arm64/kernel/signal.c.
 */
#define ARM64_SIGFRAME_REGS	(128 + 176 + 8)

/* Registers the stub itself needs, by their catalogue ids (stub/regs.h). */
#define ARM64_REG_X(n)		(REG_X0 + (n))
#define ARM64_REG_SP		REG_SP
#define ARM64_REG_PC		REG_PC
#define ARM64_REG_ORIG_X0	REG_ORIG_X0
#define ARM64_REG_ORIG_X7	REG_ORIG_X7
#define ARM64_REG_SYSCALLNO	REG_SYSCALLNO

/*
 * Expedited in every stop reply: x29, x30, sp, pc (GDB unwinds with
 * them), and vg where the CPU has SVE (GDB 14 and later take a change of
 * vector length from it).
 */
#define ARM64_EXPEDITE { REG_X0 + 29, REG_X0 + 30, REG_SP, REG_PC, REG_VG }

#endif
