// SPDX-License-Identifier: MIT
/*
 * Hardware breakpoints and watchpoints through the NT_ARM_HW_BREAK and
 * NT_ARM_HW_WATCH regsets (struct user_hwdebug_state in
 * arch/arm64/include/uapi/asm/ptrace.h).  The slots are the process's:
 * every thread gets the same set, new threads included.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "arm64.h"
#include "target.h"
#include "target_int.h"

/* struct user_hwdebug_state: dbg_info, pad, then 16 {addr, ctrl, pad}. */
struct hwdebug_state {
	uint32_t dbg_info;
	uint32_t pad;
	struct {
		uint64_t addr;
		uint32_t ctrl;
		uint32_t pad;
	} regs[16];
};

/*
 * DBGBCR/DBGWCR as the kernel takes them (decode_ctrl_reg() in
 * arch/arm64/kernel/hw_breakpoint.c): enable (bit 0), privilege EL0
 * (bits 1-2 = 0b10), load/store type (bits 3-4, watchpoints), byte
 * address select (bits 5-12).
 */
#define CTRL_ENABLE	1u
#define CTRL_EL0	(2u << 1)
#define CTRL_LSC(t)	((uint32_t)(t) << 3)
#define CTRL_BAS(b)	((uint32_t)(b) << 5)

static int note_of(enum hw_kind kind)
{
	return kind == HW_BREAK ? ARM64_NT_ARM_HW_BREAK : ARM64_NT_ARM_HW_WATCH;
}

/* Returns: the number of slots of that kind on this CPU, or -errno. */
static int slot_count(struct process *p, struct thread *th, enum hw_kind kind)
{
	struct hwdebug_state st;
	struct iovec iov = { &st, sizeof(st) };
	int *cached = &p->hw_slots[kind != HW_BREAK];

	if (*cached)
		return *cached;
	if (ptrace(PTRACE_GETREGSET, th->tid, note_of(kind), &iov))
		return -errno;
	*cached = (int)(st.dbg_info & 0xff);
	if (*cached > 16)
		*cached = 16;
	return *cached;
}

/* Write the process's slots of @kind into one thread. */
static int apply_thread(struct process *p, struct thread *th,
			enum hw_kind kind)
{
	struct hwdebug_state st;
	struct iovec iov = { &st, sizeof(st) };
	int i = 0, slots = slot_count(p, th, kind);

	if (slots <= 0)
		return slots < 0 ? slots : -ENOSPC;
	memset(&st, 0, sizeof(st));
	for (struct hwpoint *hp = p->hw; hp; hp = hp->next) {
		if ((hp->type == HW_BREAK) != (kind == HW_BREAK))
			continue;
		/*
		 * A watchpoint slot holds the aligned doubleword, its BAS
		 * picks the bytes; the kernel adds BAS's offset back
		 * (ptrace_hbp_fill_attr_ctrl()).  A breakpoint's BAS is
		 * 0b1111 (offset 0): its address must be the instruction's
		 * own, or one at addr % 8 == 4 would trap 4 bytes early.
		 */
		st.regs[i].addr = hp->type == HW_BREAK ? hp->addr : hp->addr & ~7ull;
		st.regs[i].ctrl = hp->ctrl;
		i++;
	}
	/* Every slot the CPU has: unused ones are written disabled. */
	iov.iov_len = offsetof(struct hwdebug_state, regs) +
		      sizeof(st.regs[0]) * (size_t)slots;
	if (ptrace(PTRACE_SETREGSET, th->tid, note_of(kind), &iov))
		return -errno;
	return 0;
}

static int apply_all(struct process *p, enum hw_kind kind)
{
	int err = 0;

	for (struct thread *th = p->threads; th; th = th->next) {
		if (th->running)
			continue;	/* all-stop: every thread is stopped here */
		err = apply_thread(p, th, kind);
		if (err)
			break;
	}
	return err;
}

void hw_clear_thread(struct process *p, struct thread *th)
{
	struct hwpoint *keep = p->hw;

	p->hw = NULL;
	apply_thread(p, th, HW_BREAK);
	apply_thread(p, th, HW_WATCH_WRITE);
	p->hw = keep;
}

void hw_new_thread(struct process *p, struct thread *th)
{
	bool brk = false, watch = false;

	for (struct hwpoint *hp = p->hw; hp; hp = hp->next) {
		if (hp->type == HW_BREAK)
			brk = true;
		else
			watch = true;
	}
	if (brk)
		apply_thread(p, th, HW_BREAK);
	if (watch)
		apply_thread(p, th, HW_WATCH_WRITE);
}

static int used(struct process *p, bool breaks)
{
	int n = 0;

	for (struct hwpoint *hp = p->hw; hp; hp = hp->next)
		n += (hp->type == HW_BREAK) == breaks;
	return n;
}

int target_insert_hw(struct target *t, struct process *p, enum hw_kind type,
		     uint64_t addr, uint64_t len)
{
	struct hwpoint *hp;
	int slots, err;
	uint32_t ctrl;

	(void)t;
	if (!p->threads)
		return -ESRCH;
	if (type == HW_BREAK) {
		if (addr & 3)
			return -EINVAL;
		ctrl = CTRL_ENABLE | CTRL_EL0 | CTRL_BAS(0xf);
	} else {
		unsigned int off = addr & 7;
		uint32_t lsc = type == HW_WATCH_WRITE ? 2 : type == HW_WATCH_READ ? 1 : 3;

		/* One slot covers bytes of one aligned doubleword. */
		if (len == 0 || off + len > 8) {
			t->last_error = "a hardware watchpoint covers at most the 8 aligned bytes around its address";
			return -EINVAL;
		}
		ctrl = CTRL_ENABLE | CTRL_EL0 | CTRL_LSC(lsc) |
		       CTRL_BAS(((1u << len) - 1) << off);
	}
	for (hp = p->hw; hp; hp = hp->next)
		if (hp->type == type && hp->addr == addr && hp->len == len)
			return 0;	/* Z packets must be idempotent */
	slots = slot_count(p, p->threads, type);
	if (slots < 0)
		return slots;
	if (used(p, type == HW_BREAK) >= slots) {
		t->last_error = type == HW_BREAK ?
			"all hardware breakpoint slots are in use: delete an hbreak, or use break" :
			"all hardware watchpoint slots are in use: delete a watchpoint, or 'set can-use-hw-watchpoints 0' for software ones";
		return -ENOSPC;
	}
	hp = calloc(1, sizeof(*hp));
	if (!hp)
		return -ENOMEM;
	hp->type = type;
	hp->addr = addr;
	hp->len = len;
	hp->ctrl = ctrl;
	hp->next = p->hw;
	p->hw = hp;
	err = apply_all(p, type);
	if (err) {
		p->hw = hp->next;
		free(hp);
		apply_all(p, type);
	}
	return err;
}

int target_remove_hw(struct target *t, struct process *p, enum hw_kind type,
		     uint64_t addr, uint64_t len)
{
	(void)t;
	for (struct hwpoint **pp = &p->hw; *pp; pp = &(*pp)->next) {
		struct hwpoint *hp = *pp;

		if (hp->type != type || hp->addr != addr || hp->len != len)
			continue;
		*pp = hp->next;
		free(hp);
		return apply_all(p, type);
	}
	return 0;	/* as target_remove_bp(): see there */
}

const struct hwpoint *hw_find_hit(struct process *p, uint64_t data_addr,
				  bool watch)
{
	for (struct hwpoint *hp = p->hw; hp; hp = hp->next) {
		if ((hp->type == HW_BREAK) == watch)
			continue;
		if (!watch) {
			/* A breakpoint traps at its own address: look at all. */
			if (data_addr == hp->addr)
				return hp;
			continue;
		}
		/* The reported address may be anywhere in the accessed bytes. */
		if (data_addr >= (hp->addr & ~7ull) && data_addr < (hp->addr & ~7ull) + 8)
			return hp;
	}
	return NULL;
}

void hw_forget_all(struct process *p)
{
	while (p->hw) {
		struct hwpoint *hp = p->hw;

		p->hw = hp->next;
		free(hp);
	}
}
