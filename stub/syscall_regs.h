/* SPDX-License-Identifier: MIT */
/*
 * orig_x0, orig_x7 and the x7 marker at syscall stops (docs: README,
 * "The syscall registers").  On a kernel with the seed ABI the kernel holds
 * orig_x0/orig_x7 in a 288-byte NT_PRSTATUS and this only redirects x7
 * writes; on a stock kernel the stub finds the same values by its own
 * means, paid only at stops reported to GDB or made necessary by a write.
 */
#ifndef A64STUB_SYSCALL_REGS_H
#define A64STUB_SYSCALL_REGS_H

#include "target.h"

/* Forget all knowledge of the thread's syscall registers. */
void syscall_regs_reset(struct sysregs *sr);

/*
 * Bookkeeping at every syscall stop (reported or not): no ptrace calls.
 * Returns: false if GDB must not hear of this stop (an entry GDB already
 * saw, run again after an inferior call).
 */
bool syscall_regs_on_syscall_stop(struct target *t, struct thread *th);

/* At a syscall stop about to be reported: learn the real x7. */
void syscall_regs_on_report(struct target *t, struct thread *th);

/* At an exec event: the new image's x7. */
void syscall_regs_on_exec(struct target *t, struct thread *th);

/*
 * At a signal-delivery-stop: apply register fixes a write at the last
 * exit stop asked for.
 * Returns: true if this stop is the stub's own and must be swallowed.
 */
bool syscall_regs_on_signal_stop(struct target *t, struct thread *th);

/* Fill orig_x0/orig_x7 into a freshly read stock NT_PRSTATUS buffer. */
void syscall_regs_fill(struct target *t, struct thread *th);

/*
 * A register write GDB asked for, before it reaches the cache.
 * Returns: 1 to store it as an ordinary register, 0 if handled here
 * (the cache updated as needed), or -errno.
 */
int syscall_regs_write(struct target *t, struct thread *th,
		       unsigned int regno, const void *buf);

/*
 * A register read, after the cache's value was copied into @buf: at an
 * entry stop orig_x0 reads as x0 (see the README's syscall registers).
 */
void syscall_regs_read(struct target *t, struct thread *th,
		       unsigned int regno, void *buf);

/* Just before @th resumes.  Returns: 0 or -errno. */
int syscall_regs_before_resume(struct target *t, struct thread *th);

#endif
