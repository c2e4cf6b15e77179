// SPDX-License-Identifier: MIT
/*
 * Lookups in the target's lists of processes and threads, and the catch
 * filter: plain data, no ptrace, so the fuzz build (fuzz/fake_target.c)
 * links this same code rather than a copy.
 */
#include "target.h"

struct process *target_find_process(struct target *t, pid_t pid)
{
	for (struct process *p = t->procs; p; p = p->next)
		if (p->pid == pid)
			return p;
	return NULL;
}

struct thread *target_find_thread(struct target *t, pid_t tid)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			if (th->tid == tid)
				return th;
	return NULL;
}

struct process *target_first_process(struct target *t)
{
	return t->procs;
}

bool target_catches(const struct target *t, int nr)
{
	if (!t->catch_syscalls)
		return false;
	if (t->catch_any)
		return true;
	if (nr >= TARGET_MAX_SYSCALL)
		return t->catch_high;
	return nr >= 0 && (t->catch_set[nr / 8] & (1u << (nr % 8)));
}
