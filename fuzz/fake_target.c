// SPDX-License-Identifier: MIT
/*
 * A target with no processes behind it, for the protocol fuzzers: the
 * target.h interface over plain data structures.  It lets the fuzzers
 * drive the stub's real framing, dispatch, argument parsing and reply
 * building; it tests nothing of ptrace (target*.c are not linked).
 *
 * It also checks what the protocol side hands it: a register number out
 * of the table, a memory transfer larger than a packet, an unknown
 * signal, a process or thread that is not in the lists: each aborts,
 * which the fuzzer reports as a crash.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_target.h"
#include "packet.h"
#include "regs.h"

#define FAKE_MEM_BASE	0x400000ull
#define FAKE_MEM_SIZE	4096ull
#define FAKE_MAX_BPS	64
#define FAKE_HW_SLOTS	4

static unsigned char fake_mem[FAKE_MEM_SIZE], fake_mem_init[FAKE_MEM_SIZE];
static pid_t next_pid;
static unsigned int nwaits;

#define fake_check(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "fake target: %s:%d: %s\n",		\
			__FILE__, __LINE__, #cond);			\
		abort();						\
	}								\
} while (0)

static bool known_process(struct target *t, struct process *p)
{
	for (struct process *q = t->procs; q; q = q->next)
		if (q == p)
			return true;
	return false;
}

static bool known_thread(struct target *t, struct thread *th)
{
	return th && known_process(t, th->proc) &&
	       target_find_thread(t, th->tid) == th;
}

/* The fake CPU: no SVE, pauth or MTE, a 16-byte NT_ARM_TLS (Linux 6.1). */
static const struct cpu_features fake_cpu = { 0, false, false, 2 };

static struct process *new_process(struct target *t, pid_t pid, int nthreads)
{
	struct process *p = calloc(1, sizeof(*p));
	struct process **tail = &t->procs;

	fake_check(p);
	p->pid = pid;
	p->memfd = -1;
	for (int i = nthreads - 1; i >= 0; i--) {
		struct thread *th = calloc(1, sizeof(*th));

		fake_check(th);
		th->proc = p;
		th->tid = pid + i;
		th->stop.kind = STOP_INTERRUPT;
		/* Recognisable registers: x_n = n * 0x0101..., pc in memory. */
		for (int r = 0; r < 31; r++)
			memset(th->rc.gpr + r * 8, r, 8);
		memcpy(th->rc.gpr + 256, &(uint64_t){ FAKE_MEM_BASE + 0x100 }, 8);
		th->next = p->threads;
		p->threads = th;
	}
	while (*tail)
		tail = &(*tail)->next;
	*tail = p;
	return p;
}

static void free_process(struct target *t, struct process *p)
{
	struct process **pp;

	for (pp = &t->procs; *pp != p; pp = &(*pp)->next)
		fake_check(*pp);
	*pp = p->next;
	while (p->threads) {
		struct thread *th = p->threads;

		p->threads = th->next;
		free(th);
	}
	while (p->bps) {
		struct breakpoint *bp = p->bps;

		p->bps = bp->next;
		free(bp);
	}
	while (p->hw) {
		struct hwpoint *hw = p->hw;

		p->hw = hw->next;
		free(hw);
	}
	free(p);
}

void fake_target_init(struct target *t)
{
	memset(t, 0, sizeof(*t));
	if (!fake_mem_init[1])
		for (size_t i = 0; i < FAKE_MEM_SIZE; i++)
			fake_mem_init[i] = (unsigned char)(i * 7);
	memcpy(fake_mem, fake_mem_init, sizeof(fake_mem));
	regs_layout_init(&t->layout, &fake_cpu);
	next_pid = 100;
	nwaits = 0;
}

void fake_target_reset(struct target *t)
{
	while (t->procs)
		free_process(t, t->procs);
}

int target_probe_abi(struct target *t)
{
	t->abi_known = true;
	return 0;
}

const char *target_abi_name(const struct target *t)
{
	(void)t;
	return "fake target (fuzzing)";
}

int target_init(struct target *t)
{
	fake_target_init(t);
	return 0;
}

struct process *target_launch(struct target *t, char *const argv[])
{
	fake_check(argv && argv[0]);
	if (argv[0][0] != '/') {
		t->last_error = "fake target: the program must be an absolute path";
		return NULL;
	}
	if (t->use_shell) {
		t->last_error = "fake target: startup-with-shell is on but there is no shell";
		return NULL;
	}
	next_pid += 10;
	return new_process(t, next_pid, 2);
}

struct process *target_attach(struct target *t, pid_t pid)
{
	struct process *p;

	fake_check(pid > 0);
	if (pid == 1 || target_find_thread(t, pid)) {
		t->last_error = "fake target: cannot attach to that process";
		return NULL;
	}
	p = new_process(t, pid, 1);
	p->attached = true;
	return p;
}

void target_set_options(struct target *t)
{
	(void)t;
}

struct thread *target_pending(struct target *t, struct event *ev,
			      bool resumed_only)
{
	(void)t;
	(void)ev;
	(void)resumed_only;
	return NULL;
}

bool target_forget_exit(struct target *t, pid_t pid)
{
	(void)t;
	(void)pid;
	return false;	/* the fake target's processes never end unreported */
}

void target_poll(struct target *t)
{
	(void)t;	/* nothing happens behind the fake target's back */
}

bool target_take_exit(struct target *t, struct event *ev)
{
	(void)t;
	(void)ev;
	return false;
}

void target_begin_resume(struct target *t)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			th->resumed = false;
}

int target_resume(struct target *t, struct thread *th,
		  const struct resume_action *act)
{
	fake_check(known_thread(t, th));
	fake_check(act->sig >= 0 && act->sig < TARGET_NSIG);
	th->running = true;
	th->step = act->step;
	return 0;
}

/*
 * Every kind of stop in turn, so that the fuzzers reach every branch of
 * the stop reply; every seventh wait the process exits or is killed.
 */
int target_wait(struct target *t, int fd, struct event *ev)
{
	struct thread *th = NULL;
	struct process *p;
	unsigned int n = nwaits++;

	(void)fd;
	for (p = t->procs; p && !th; p = p->next)
		for (struct thread *x = p->threads; x && !th; x = x->next)
			if (x->running)
				th = x;
	if (!th)
		return -ECHILD;
	p = th->proc;
	for (struct thread *x = p->threads; x; x = x->next)
		x->running = false;
	memset(ev, 0, sizeof(*ev));
	if (n % 7 == 6) {
		ev->kind = n % 2 ? EV_EXITED : EV_SIGNALLED;
		ev->pid = p->pid;
		ev->code = n % 2 ? 3 : SIGKILL;
		free_process(t, p);
		return 1;
	}
	ev->kind = EV_STOP;
	ev->thread = th;
	ev->pid = p->pid;
	memset(&th->stop, 0, sizeof(th->stop));
	switch (n % 7) {
	case 0:
		th->stop.kind = STOP_SIGNAL;
		th->stop.signo = th->step ? SIGTRAP : SIGSEGV;
		th->stop.si.si_signo = th->stop.signo;
		ev->swbreak = !th->step && p->bps;
		break;
	case 1:
		th->stop.kind = STOP_SYSCALL;
		th->stop.entry = n % 2;
		th->stop.sysno = 64;
		break;
	case 2:
		th->stop.kind = n % 2 ? STOP_FORK : STOP_VFORK;
		th->stop.child = p->pid + 5;
		break;
	case 3:
		th->stop.kind = STOP_VFORK_DONE;
		break;
	case 4:
		th->stop.kind = STOP_EXEC;
		ev->exec = true;
		break;
	default:
		th->stop.kind = STOP_SIGNAL;
		th->stop.signo = SIGTRAP;
		for (const struct hwpoint *hw = p->hw; hw; hw = hw->next) {
			if (hw->type == HW_BREAK) {
				ev->hwbreak = true;
			} else {
				ev->watch = hw;
				ev->watch_addr = hw->addr;
			}
			break;
		}
		break;
	}
	return 1;
}

void target_interrupt(struct target *t)
{
	t->interrupt_requested = true;
}

void target_stop_all(struct target *t)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			th->running = false;
}

int target_kill(struct target *t, struct process *p)
{
	fake_check(known_process(t, p));
	free_process(t, p);
	return 0;
}

int target_detach(struct target *t, struct process *p)
{
	fake_check(known_process(t, p));
	free_process(t, p);
	return 0;
}

/* Returns: how many of @len bytes at @addr lie in the fake memory. */
static size_t mem_span(uint64_t addr, size_t len)
{
	if (addr < FAKE_MEM_BASE || addr - FAKE_MEM_BASE >= FAKE_MEM_SIZE)
		return 0;
	if (len > FAKE_MEM_BASE + FAKE_MEM_SIZE - addr)
		len = FAKE_MEM_BASE + FAKE_MEM_SIZE - addr;
	return len;
}

ssize_t target_read_mem(struct target *t, struct process *p, uint64_t addr,
			void *buf, size_t len)
{
	size_t n;

	fake_check(known_process(t, p));
	fake_check(len <= PKT_MAX);
	n = mem_span(addr, len);
	if (!n)
		return len ? -EIO : 0;
	memcpy(buf, fake_mem + (addr - FAKE_MEM_BASE), n);
	return (ssize_t)n;
}

ssize_t target_write_mem(struct target *t, struct process *p, uint64_t addr,
			 const void *buf, size_t len)
{
	size_t n;

	fake_check(known_process(t, p));
	fake_check(len <= PKT_MAX);
	n = mem_span(addr, len);
	if (!n)
		return len ? -EIO : 0;
	memcpy(fake_mem + (addr - FAKE_MEM_BASE), buf, n);
	return (ssize_t)n;
}

int target_insert_bp(struct target *t, struct process *p, uint64_t addr)
{
	struct breakpoint *bp;
	int n = 0;

	fake_check(known_process(t, p));
	for (bp = p->bps; bp; bp = bp->next, n++)
		if (bp->addr == addr)
			return 0;
	if (!mem_span(addr, 4))
		return -EIO;
	if (n == FAKE_MAX_BPS)
		return -ENOSPC;
	bp = calloc(1, sizeof(*bp));
	fake_check(bp);
	bp->addr = addr;
	bp->next = p->bps;
	p->bps = bp;
	return 0;
}

int target_remove_bp(struct target *t, struct process *p, uint64_t addr)
{
	fake_check(known_process(t, p));
	for (struct breakpoint **pp = &p->bps; *pp; pp = &(*pp)->next) {
		if ((*pp)->addr == addr) {
			struct breakpoint *bp = *pp;

			*pp = bp->next;
			free(bp);
			return 0;
		}
	}
	return -ENOENT;
}

int target_insert_hw(struct target *t, struct process *p, enum hw_kind type,
		     uint64_t addr, uint64_t len)
{
	struct hwpoint *hw;
	int n = 0;

	fake_check(known_process(t, p));
	fake_check(type >= HW_BREAK && type <= HW_WATCH_ACCESS);
	for (hw = p->hw; hw; hw = hw->next)
		n += (hw->type == HW_BREAK) == (type == HW_BREAK);
	if (n == FAKE_HW_SLOTS) {
		t->last_error = "fake target: no free hardware debug slot";
		return -ENOSPC;
	}
	if (!len || len > 8)
		return -EINVAL;
	hw = calloc(1, sizeof(*hw));
	fake_check(hw);
	hw->type = type;
	hw->addr = addr;
	hw->len = len;
	hw->next = p->hw;
	p->hw = hw;
	return 0;
}

int target_remove_hw(struct target *t, struct process *p, enum hw_kind type,
		     uint64_t addr, uint64_t len)
{
	fake_check(known_process(t, p));
	for (struct hwpoint **pp = &p->hw; *pp; pp = &(*pp)->next) {
		struct hwpoint *hw = *pp;

		if (hw->type == type && hw->addr == addr && hw->len == len) {
			*pp = hw->next;
			free(hw);
			return 0;
		}
	}
	return -ENOENT;
}

static unsigned char *fake_reg(struct thread *th, const struct reg_desc *r)
{
	switch (r->regset) {
	case RS_GPR:
		return th->rc.gpr + r->offset;
	case RS_FP:
		return th->rc.fp + r->offset;
	case RS_SYSCALL:
		return th->rc.sysc + r->offset;
	case RS_TLS:
		return th->rc.tls + r->offset;
	default:
		fake_check(!"a register the fake CPU does not have");
		return NULL;
	}
}

const struct reg_layout *target_reg_layout(const struct target *t,
					   const struct thread *th)
{
	(void)th;
	return &t->layout;
}

int target_reg_number(const struct target *t, const struct thread *th,
		      const char *name)
{
	return regs_find(target_reg_layout(t, th), name);
}

int target_reg_read(struct target *t, struct thread *th, unsigned int regno,
		    void *buf)
{
	fake_check(known_thread(t, th));
	fake_check(regno < t->layout.count);
	memcpy(buf, fake_reg(th, regs_row(&t->layout, regno)), t->layout.bits[regno] / 8);
	return 0;
}

int target_reg_write(struct target *t, struct thread *th, unsigned int regno,
		     const void *buf)
{
	fake_check(known_thread(t, th));
	fake_check(regno < t->layout.count);
	memcpy(fake_reg(th, regs_row(&t->layout, regno)), buf, t->layout.bits[regno] / 8);
	return 0;
}

/* The fake CPU has no MTE: cmd_mem.c refuses before asking (checked). */
int target_read_tags(struct target *t, struct process *p, uint64_t addr,
		     unsigned char *tags, size_t ntags)
{
	(void)t, (void)p, (void)addr, (void)tags, (void)ntags;
	fake_check(!"target_read_tags on a CPU without MTE");
	return -EIO;
}

int target_write_tags(struct target *t, struct process *p, uint64_t addr,
		      size_t ngranules, const unsigned char *tags, size_t ntags)
{
	(void)t, (void)p, (void)addr, (void)ngranules, (void)tags, (void)ntags;
	fake_check(!"target_write_tags on a CPU without MTE");
	return -EIO;
}

const char *target_thread_name(struct thread *th, char *buf, size_t len)
{
	/* Names may hold XML specials: the reply must escape them. */
	snprintf(buf, len, "fuzz<%d>&\"", th->tid);
	return buf;
}

int target_write_siginfo(struct target *t, struct thread *th, uint64_t off,
			 const void *data, size_t len)
{
	(void)t;
	if (th->stop.kind != STOP_SIGNAL || off > sizeof(th->stop.si) ||
	    len > sizeof(th->stop.si) - off)
		return -EINVAL;
	memcpy((char *)&th->stop.si + off, data, len);
	return 0;
}

int target_thread_core(struct thread *th)
{
	(void)th;
	return 0;
}

int target_thread_handle(struct target *t, struct thread *th, uint64_t *handle)
{
	(void)t;
	*handle = 0x7f0000000000ull + (uint64_t)th->tid * 0x1000;
	return 0;
}

char *target_osdata(const char *type, size_t *len)
{
	static const char doc[] = "<osdata type=\"processes\">\n</osdata>\n";
	char *copy;

	if (strcmp(type, "processes")) {
		errno = ENOENT;
		return NULL;
	}
	copy = strdup(doc);
	if (copy)
		*len = sizeof(doc) - 1;
	return copy;
}
