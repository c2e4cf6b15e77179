/* SPDX-License-Identifier: MIT */
/*
 * The target side: traced processes and threads (ptrace).  The protocol
 * code talks to this interface only and never includes <sys/ptrace.h>.
 *
 * All-stop model: when one thread has something to report, every other
 * thread of every process is stopped (PTRACE_INTERRUPT) before GDB hears
 * of it; stops found meanwhile stay pending and are reported one at a time.
 */
#ifndef A64STUB_TARGET_H
#define A64STUB_TARGET_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "regcache.h"
#include "regs.h"
#include "watcher.h"

#define TARGET_MAX_SYSCALL 1024		/* catch filter covers 0..1023 */
#define TARGET_NSIG 65

enum stop_kind {
	STOP_NONE,
	STOP_SIGNAL,	/* signal-delivery-stop */
	STOP_SYSCALL,	/* syscall-entry or syscall-exit stop */
	STOP_INTERRUPT,	/* our PTRACE_INTERRUPT, or a new thread's first stop */
	STOP_GROUP,	/* group-stop (job control) */
	STOP_EXEC,	/* PTRACE_EVENT_EXEC */
	STOP_CLONE,	/* PTRACE_EVENT_CLONE, in the creating thread */
	STOP_FORK,	/* PTRACE_EVENT_FORK, in the parent */
	STOP_VFORK,	/* PTRACE_EVENT_VFORK, in the parent */
	STOP_VFORK_DONE, /* PTRACE_EVENT_VFORK_DONE, in the parent */
};

struct stop {
	enum stop_kind kind;
	int signo;		/* STOP_SIGNAL, STOP_GROUP */
	siginfo_t si;		/* STOP_SIGNAL */
	bool entry;		/* STOP_SYSCALL: entry (true) or exit */
	int sysno;		/* STOP_SYSCALL */
	uint64_t pc;		/* STOP_SYSCALL: pc at the stop */
	uint64_t sp;		/* STOP_SYSCALL: sp at the stop */
	uint64_t arg0;		/* STOP_SYSCALL entry: first argument */
	pid_t child;		/* STOP_FORK, STOP_VFORK: the new process */
};

/*
 * What the stub knows of a thread's syscall registers on a kernel that
 * does not expose them (stock NT_PRSTATUS of 272 bytes): see syscall_regs.c.
 */
struct sysregs {
	uint64_t orig_x0;	/* the kernel's orig_x0 as far as seen */
	uint64_t x7;		/* the real x7 at a syscall stop */
	bool x7_known;
	uint64_t frame_sp;	/* rt_sigreturn entry: where its frame is */
	bool fixup;		/* a stop after this exit stop must fix regs */
	bool fixup_armed;	/* ... and the thread is on its way there */
	bool fixup_x7;
	uint64_t fixup_x7_val;
	bool fixup_x0;		/* a written orig_x0 for a restarted syscall */
	uint64_t fixup_x0_old, fixup_x0_val, fixup_pc;
	int fixup_stops_pending; /* SIGSTOPs sent to reach the fixup stop */
	/*
	 * The last syscall stop GDB heard of, so that GDB restoring its
	 * registers after an inferior call (save-restore) can be recognised
	 * and the interrupted syscall resumed as if nothing happened.
	 */
	bool snap_valid, snap_entry;
	int snap_nr;
	uint64_t snap_pc;
	bool restore;		/* syscallno written back at another stop */
	bool restore_x7_valid;
	bool reenter;		/* sent back to an svc whose entry GDB saw */
	int reenter_nr;
	uint64_t reenter_pc;
	uint64_t restore_x7;	/* orig_x7 written back with it */
};

struct process;

struct thread {
	struct thread *next;
	struct process *proc;
	pid_t tid;
	bool running;
	bool interrupting;	/* PTRACE_INTERRUPT sent, its trap not seen */
	bool report;		/* the current stop is still to be reported */
	bool step;		/* last resumed with a single-step */
	int deliver_sig;	/* a signal re-sent to be delivered silently */
	int held_sig;		/* a signal to deliver at the next resume */
	bool in_syscall;	/* a syscall-entry stop seen, its exit not yet */
	int entry_sysno;	/* ... and the syscall number at that entry */
	bool quiet_exit;	/* resumed from an entry GDB did not hear of */
	bool needs_hw;		/* new: copy the process's debug slots in */
	bool resumed;		/* GDB resumed it in its last request */
	struct stop stop;
	struct regcache rc;
	struct sysregs sr;
};

struct breakpoint {
	struct breakpoint *next;
	uint64_t addr;
	unsigned char saved[4];
};

enum hw_kind {
	HW_BREAK,		/* Z1 */
	HW_WATCH_WRITE,		/* Z2 */
	HW_WATCH_READ,		/* Z3 */
	HW_WATCH_ACCESS,	/* Z4 */
};

struct hwpoint {
	struct hwpoint *next;
	enum hw_kind type;
	uint64_t addr, len;
	uint32_t ctrl;
};

struct process {
	struct process *next;
	pid_t pid;
	bool attached;		/* attached to (detach on --once), not launched */
	bool fork_child;	/* created by a traced fork/vfork */
	bool resumed_once;	/* GDB has resumed it at least once */
	/*
	 * A fork child whose parent's fork event GDB has not heard of yet:
	 * left out of thread lists and resumes until then (GDB would make an
	 * inferior of its own for it, then abort at the fork event).
	 */
	bool unannounced;
	pid_t fork_parent;	/* the forking process, once known */
	int memfd;		/* /proc/PID/mem */
	struct thread *threads;
	struct breakpoint *bps;
	struct hwpoint *hw;	/* hardware breakpoints and watchpoints */
	int hw_slots[2];	/* breakpoint, watchpoint slots (0: not read yet) */
	struct reg_layout layout; /* its registers, as GDB was told of them */
	uint64_t pthread_size;	/* glibc's sizeof(struct pthread), 0: unknown */
};

enum event_kind {
	EV_STOP,	/* ev.thread stopped; ev.thread->stop says why */
	EV_EXITED,	/* process ev.pid exited with ev.code */
	EV_SIGNALLED,	/* process ev.pid was killed by signal ev.code */
};

struct event {
	enum event_kind kind;
	struct thread *thread;
	pid_t pid;
	int code;
	bool sigint;	/* EV_STOP: the answer to an interrupt request */
	bool swbreak;	/* EV_STOP: a software breakpoint we inserted */
	bool hwbreak;	/* EV_STOP: a hardware breakpoint */
	const struct hwpoint *watch;	/* EV_STOP: the watchpoint hit */
	uint64_t watch_addr;		/* ... at this data address */
	bool exec;	/* EV_STOP: an exec event */
	bool plain;	/* EV_STOP: say why without the event (fork, syscall,
			   exec): a `?` answer to a client that never saw it */
	bool held;	/* EV_EXITED/EV_SIGNALLED: not for the current resume,
			   which did not name this process */
};

#define TARGET_MAX_EXITS 16

struct target {
	struct process *procs;
	struct event exits[TARGET_MAX_EXITS];	/* ends not yet reported */
	int nexits;
	bool stopping;		/* inside target_stop_all() */
	struct watcher input;	/* wakes target_wait() when GDB has input */
	bool seed_abi;		/* NT_PRSTATUS is 288 bytes: kernel has orig_x0/x7 */
	bool abi_known;
	unsigned int tls_regs;	/* 8-byte slots in the kernel's NT_ARM_TLS */
	struct reg_layout layout; /* the registers while there is no process */
	bool catch_syscalls;	/* QCatchSyscalls:1 */
	bool catch_any;		/* ... with no filter */
	bool catch_high;	/* ... and every number >= TARGET_MAX_SYSCALL */
	unsigned char catch_set[TARGET_MAX_SYSCALL / 8];
	bool pass_signals[TARGET_NSIG];
	bool interrupt_requested; /* GDB sent ^C: report its trap as SIGINT; any reported stop ends it */
	bool trace_exec_events;	/* report exec as an event */
	bool fork_events;	/* trace fork children (GDB said fork-events+) */
	bool vfork_events;	/* ... and vfork children */
	bool use_shell;		/* QStartupWithShell */
	bool disable_aslr;	/* QDisableRandomization */
	char *const *envp;	/* the next launch's environment (NULL: the stub's) */
	const char *cwd;	/* ... and working directory (NULL: the stub's) */
	const char *shell;	/* the next launch's shell */
	const char *default_shell; /* the stub's $SHELL, or /bin/sh */
	const char *last_error;	/* human-readable cause of the last failure */
};

/* What GDB asks a thread to do at the next resume. */
struct resume_action {
	bool step;
	int sig;
};

/*
 * Find out whether the kernel has the seed ABI (a 288-byte NT_PRSTATUS),
 * by tracing a short-lived child.  Returns: 0 or -errno.
 */
int target_probe_abi(struct target *t);

/* Returns: how the syscall registers are obtained, for humans. */
const char *target_abi_name(const struct target *t);

/* Set up @t.  Returns: 0 or -errno. */
int target_init(struct target *t);

/* End the process that watches GDB's connection (before closing it). */
void target_unwatch(struct target *t);

/*
 * Start @argv[0] traced, stopped at its first instruction after exec.
 * Returns: the process, or NULL with t->last_error set.
 */
struct process *target_launch(struct target *t, char *const argv[]);

/*
 * Attach to every thread of process @pid and stop them all.
 * Returns: the process, or NULL with t->last_error set.
 */
struct process *target_attach(struct target *t, pid_t pid);

/* Apply the event options (fork_events...) to every traced thread. */
void target_set_options(struct target *t);

/* Returns: the process or thread with that id, or NULL. */
struct process *target_find_process(struct target *t, pid_t pid);
struct thread *target_find_thread(struct target *t, pid_t tid);

/* Returns: the first live process, or NULL. */
struct process *target_first_process(struct target *t);

/*
 * Take a stop still to be reported (of a thread GDB resumes now, if
 * @resumed_only: GDB must not hear of threads it keeps stopped, e.g.
 * while it steps one thread over a breakpoint).
 * Returns: its thread with *@ev filled, or NULL.
 */
struct thread *target_pending(struct target *t, struct event *ev,
			      bool resumed_only);

/* A new resume request begins: no thread is resumed by GDB yet. */
void target_begin_resume(struct target *t);

/* Mark @th as one GDB is about to resume (see target_pending()). */
static inline void target_mark_resumed(struct thread *th)
{
	th->resumed = true;
}

/* Resume @th with @act (registers written back first).  Returns: 0 or -errno. */
int target_resume(struct target *t, struct thread *th,
		  const struct resume_action *act);

/*
 * Wait for the next reportable event while watching @fd for input.
 * Returns: 1 with *@ev filled, 0 when @fd became readable, or -errno
 * (-ECHILD: nothing left to wait for).
 */
int target_wait(struct target *t, int fd, struct event *ev);

/* Ask every running thread to stop (GDB's ^C). */
void target_interrupt(struct target *t);

/* Stop every running thread and wait until they are stopped. */
void target_stop_all(struct target *t);

/*
 * Kill @p and reap it; after KILL_WAIT_SECONDS without its death, detach
 * and forget it.  Returns: 0, or -ETIMEDOUT then.
 */
int target_kill(struct target *t, struct process *p);

/*
 * Collect, without blocking, what happened to the programs while nobody
 * waited for them (between two clients): a program killed then is reaped
 * here, its end queued for the next client.
 */
void target_poll(struct target *t);

/*
 * Take the oldest end of a process not yet reported into *@ev.
 * Returns: whether there was one.
 */
bool target_take_exit(struct target *t, struct event *ev);

/*
 * Drop the not yet reported end of process @pid, if there is one.
 * Returns: whether there was.
 */
bool target_forget_exit(struct target *t, pid_t pid);

/* Detach from @p, leaving it running.  Returns: 0 or -errno. */
int target_detach(struct target *t, struct process *p);

/*
 * Read or write target memory (breakpoints are hidden from reads and
 * kept under writes).
 * Returns: bytes transferred (possibly fewer than asked), or -errno.
 */
ssize_t target_read_mem(struct target *t, struct process *p, uint64_t addr,
			void *buf, size_t len);
ssize_t target_write_mem(struct target *t, struct process *p, uint64_t addr,
			 const void *buf, size_t len);

/* MTE: one allocation tag per granule of this many bytes. */
#define TARGET_MTE_GRANULE 16

/* Returns: how many MTE granules [@addr, @addr + @len) touches (0: none or wraps). */
static inline size_t target_tag_granules(uint64_t addr, uint64_t len)
{
	uint64_t g = TARGET_MTE_GRANULE;
	uint64_t first = addr & ~(g - 1), end = addr + len;

	if (len == 0 || end < addr || end > UINT64_MAX - g)
		return 0;
	end = (end + g - 1) & ~(g - 1);
	return (size_t)((end - first) / g);
}

/*
 * Read the MTE allocation tags of @ntags granules from the one holding
 * @addr into @tags (one per byte).  Returns: 0 or -errno (-EIO: memory
 * without tags, e.g. not mapped with PROT_MTE).
 */
int target_read_tags(struct target *t, struct process *p, uint64_t addr,
		     unsigned char *tags, size_t ntags);

/*
 * Set the allocation tags of @ngranules granules from the one holding
 * @addr to @tags, repeated when there are fewer (@ntags > 0).
 * Returns: 0 or -errno.
 */
int target_write_tags(struct target *t, struct process *p, uint64_t addr,
		      size_t ngranules, const unsigned char *tags, size_t ntags);

/*
 * Insert or remove a software breakpoint (removing one that is not there
 * succeeds).  Returns: 0 or -errno.
 */
int target_insert_bp(struct target *t, struct process *p, uint64_t addr);
int target_remove_bp(struct target *t, struct process *p, uint64_t addr);

/*
 * Insert or remove a hardware breakpoint or watchpoint in every thread.
 * Returns: 0, -ENOSPC when the slots run out (t->last_error says so), or
 * -errno.
 */
int target_insert_hw(struct target *t, struct process *p, enum hw_kind type,
		     uint64_t addr, uint64_t len);
int target_remove_hw(struct target *t, struct process *p, enum hw_kind type,
		     uint64_t addr, uint64_t len);

/*
 * The registers of @th's process in GDB's numbering (of the stub's CPU
 * when @th is NULL: no process yet).
 * Returns: the layout (owned by the target).
 */
const struct reg_layout *target_reg_layout(const struct target *t,
					   const struct thread *th);

/* Returns: the GDB number of register @name for @th (NULL: see above), or -1. */
int target_reg_number(const struct target *t, const struct thread *th,
		      const char *name);

/*
 * Read register @regno of @th into @buf (its layout's bits / 8 bytes).
 * Returns: 0 or -errno.
 */
int target_reg_read(struct target *t, struct thread *th, unsigned int regno,
		    void *buf);

/*
 * Write register @regno of @th from @buf.
 * Returns: 0, -EPERM for a read-only register, -EOPNOTSUPP for vg (a
 * change of vector length), or -errno.
 */
int target_reg_write(struct target *t, struct thread *th, unsigned int regno,
		     const void *buf);

/* Returns: true if syscall @nr is one GDB asked to catch. */
bool target_catches(const struct target *t, int nr);

/*
 * Change bytes [@off, @off + @len) of the siginfo @th stopped with, which
 * the signal carries when @th resumes with it (qXfer:siginfo:write).
 * Returns: 0, -EINVAL if @th is not at a signal-delivery-stop, or -errno.
 */
int target_write_siginfo(struct target *t, struct thread *th, uint64_t off,
			 const void *data, size_t len);

/* Returns: the CPU @th last ran on (/proc/.../stat), or -1. */
int target_thread_core(struct thread *th);

/*
 * The C library's handle of @th: glibc's pthread_t, for GDB's thread
 * handles (qXfer:threads:read).  Returns: 0 with *@handle, or -ENOENT.
 */
int target_thread_handle(struct target *t, struct thread *th, uint64_t *handle);

/*
 * The "info os" table @type (processes, threads, files, cpus, types) as
 * GDB's osdata XML, in a malloc'ed buffer of *@len bytes.
 * Returns: it, or NULL with errno (ENOENT: an unknown table).
 */
char *target_osdata(const char *type, size_t *len);

/* Returns: the thread's name (from /proc) in @buf. */
const char *target_thread_name(struct thread *th, char *buf, size_t len);

#endif
