/* SPDX-License-Identifier: MIT */
/* Internal interface between the target's own files (target*.c, syscall_regs.c). */
#ifndef A64STUB_TARGET_INT_H
#define A64STUB_TARGET_INT_H

#include "target.h"

/* Resume @th the way it last went, delivering @sig.  Returns: 0 or -errno. */
int thread_continue(struct target *t, struct thread *th, int sig);

/* Read regset @id of @th into its cache if needed.  Returns: 0 or -errno. */
int regset_fetch(struct target *t, struct thread *th, enum regset_id id);

/* Write back every regset of @th changed since it stopped.  Returns: 0 or -errno. */
int regs_flush(struct target *t, struct thread *th);

/*
 * Write regset @id of @th to the kernel again from the cache, which held
 * it (valid) before the thread last ran, and mark it valid again: the
 * thread ran through something that changed it, such as the svc a
 * re-entry runs again.  Returns: 0 or -errno.
 */
int regs_store_again(struct target *t, struct thread *th, enum regset_id id);

/* Forget @th's cached registers (it ran). */
void regs_invalidate(struct thread *th);

/* Free what @th's register cache allocated (the thread is going away). */
void regs_release(struct thread *th);

/* Learn the kernel's regset sizes (NT_ARM_TLS) from stopped tracee @tid. */
void regs_probe_kernel(struct target *t, pid_t tid);

/* Set the layout used while there is no process, from the stub's own CPU. */
void regs_default_layout(struct target *t);

/* Set @p's layout from its stopped thread @tid (vector length included). */
void regs_process_layout(struct target *t, struct process *p, pid_t tid);

/*
 * Read register @id (stub/regs.h) of @th, @bits wide, into @buf.
 * Returns: 0 or -errno.
 */
int target_reg_read_id(struct target *t, struct thread *th, enum reg_id id,
		       unsigned int bits, void *buf);

/* Returns: @th's NT_ARM_SYSTEM_CALL value (-1 on failure). */
int regs_syscallno(struct target *t, struct thread *th);

/* Returns: 64-bit GPR slot at byte @off of @th's cached NT_PRSTATUS (fetched). */
uint64_t regs_gpr(struct thread *th, unsigned int off);
void regs_set_gpr(struct thread *th, unsigned int off, uint64_t val);

/* Breakpoints: find, reinsert after exec, drop. */
struct breakpoint *bp_find(struct process *p, uint64_t addr);
void bp_forget_all(struct process *p);
void bp_copy(struct process *child, struct process *parent);
void bp_copy_if_fork(struct process *child, struct process *parent, bool vfork);
void bp_remove_all(struct target *t, struct process *p);

/* Hardware debug slots: give a new thread the process's, find a hit, drop. */
void hw_new_thread(struct process *p, struct thread *th);
void hw_clear_thread(struct process *p, struct thread *th);
const struct hwpoint *hw_find_hit(struct process *p, uint64_t data_addr,
				  bool watch);
void hw_forget_all(struct process *p);

/*
 * Field @field (numbered as in proc(5), from 3 on) of the /proc stat file
 * @path, read past the comm whatever it holds.
 * Returns: its value, or -1.
 */
long proc_stat_field(const char *path, int field);

/* After an exec: one thread left, new memory, no breakpoints. */
void exec_cleanup(struct target *t, struct thread *th);

#endif
