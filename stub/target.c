// SPDX-License-Identifier: MIT
/*
 * Processes and threads under ptrace: launch, wait, resume, stop, kill and
 * detach.  Every thread is traced with PTRACE_SEIZE so that the stub can
 * stop it with PTRACE_INTERRUPT without sending it a signal.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/personality.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <linux/ptrace.h>
#include <unistd.h>

#include "arm64.h"
#include "syscall_regs.h"
#include "target.h"
#include "target_int.h"
#include "watcher.h"

#define BASE_OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE | \
		      PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL)
#define SEIZE_OPTIONS seize_options(t)

/* Fork and vfork children are traced only when GDB asked for the events. */
static long seize_options(const struct target *t)
{
	long o = BASE_OPTIONS;

	if (t->fork_events)
		o |= PTRACE_O_TRACEFORK;
	if (t->vfork_events)
		o |= PTRACE_O_TRACEVFORK | PTRACE_O_TRACEVFORKDONE;
	return o;
}

void target_set_options(struct target *t)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			if (!th->running)
				ptrace(PTRACE_SETOPTIONS, th->tid, 0, seize_options(t));
}

static struct thread *thread_add(struct process *p, pid_t tid)
{
	struct thread *th = calloc(1, sizeof(*th)), **pp;

	if (!th)
		return NULL;
	th->proc = p;
	th->tid = tid;
	/* Oldest first, as GDB lists them (the leader is thread 1). */
	for (pp = &p->threads; *pp; pp = &(*pp)->next)
		;
	*pp = th;
	return th;
}

static void thread_remove(struct process *p, struct thread *th)
{
	for (struct thread **pp = &p->threads; *pp; pp = &(*pp)->next) {
		if (*pp == th) {
			*pp = th->next;
			regs_release(th);
			free(th);
			return;
		}
	}
}

static struct process *process_add(struct target *t, pid_t pid)
{
	struct process *p = calloc(1, sizeof(*p)), **pp;

	if (!p)
		return NULL;
	p->pid = pid;
	p->memfd = -1;
	/*
	 * Oldest first: a client connecting to a program that forked finds
	 * the program itself first and gives it the inferior with its
	 * symbols (GDB hands the first unknown pid the current inferior).
	 */
	for (pp = &t->procs; *pp; pp = &(*pp)->next)
		;
	*pp = p;
	return p;
}

/* Forget @p entirely (it has exited or we detached). */
static void process_remove(struct target *t, struct process *p)
{
	while (p->threads)
		thread_remove(p, p->threads);
	bp_forget_all(p);
	hw_forget_all(p);
	if (p->memfd >= 0)
		close(p->memfd);
	/* Its fork events will never be told: its children show as they are. */
	for (struct process *c = t->procs; c; c = c->next)
		if (c->unannounced && c->fork_parent == p->pid)
			c->unannounced = false;
	for (struct process **pp = &t->procs; *pp; pp = &(*pp)->next) {
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	}
	free(p);
}

/*
 * Find out once whether this kernel carries the seed ABI: a 288-byte
 * PTRACE_GETREGSET of NT_PRSTATUS comes back with iov_len 288 only there.
 */
static void probe_abi(struct target *t, pid_t tid)
{
	unsigned char buf[ARM64_PRSTATUS_SEED];
	struct iovec iov = { buf, sizeof(buf) };

	if (ptrace(PTRACE_GETREGSET, tid, ARM64_NT_PRSTATUS, &iov) == 0)
		t->seed_abi = iov.iov_len == ARM64_PRSTATUS_SEED;
	regs_probe_kernel(t, tid);
}

int target_probe_abi(struct target *t)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(pid, &status, WSTOPPED) == pid &&
	    ptrace(PTRACE_SEIZE, pid, 0, PTRACE_O_EXITKILL) == 0) {
		/* A seized, stopped task traps into a ptrace-stop at once. */
		if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) == 0 &&
		    waitpid(pid, &status, __WALL) == pid)
			probe_abi(t, pid);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, __WALL) == pid && !WIFEXITED(status) &&
	       !WIFSIGNALED(status))
		;
	t->abi_known = true;
	regs_default_layout(t);
	return 0;
}

const char *target_abi_name(const struct target *t)
{
	if (!t->abi_known)
		return "unknown";
	return t->seed_abi ?
	       "kernel (seed ABI: NT_PRSTATUS is 288 bytes with orig_x0/orig_x7)" :
	       "emulated (stock kernel: NT_PRSTATUS is 272 bytes)";
}

int target_init(struct target *t)
{
	memset(t, 0, sizeof(*t));
	t->shell = getenv("SHELL");
	if (!t->shell || !*t->shell)
		t->shell = "/bin/sh";
	t->default_shell = t->shell;
	regs_default_layout(t);
	return 0;
}

void target_unwatch(struct target *t)
{
	watcher_end(&t->input);
}

/* ---- launching ---- */

static void child_exec(const struct target *t, char *const argv[], int errfd,
		       const char *shell, bool no_aslr)
{
	char *const *envp = t->envp ? t->envp : environ;
	sigset_t set;
	int err;

	if (no_aslr)
		personality(ADDR_NO_RANDOMIZE);
	/* A clean signal mask, whatever the stub's. */
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, NULL);
	/*
	 * Own process group, as gdbserver does: a ^C typed at the stub's
	 * terminal must not hit the program.
	 */
	setpgid(0, 0);
	/* Wait for the stub to PTRACE_SEIZE us. */
	raise(SIGSTOP);
	/*
	 * GDB's `set cwd`, in the program's own process as gdbserver does;
	 * after the stop, so that a failure ends the child as a failed
	 * exec does and the stub reads why from the pipe.
	 */
	if (t->cwd && chdir(t->cwd)) {
		err = -errno;	/* negative: the directory, not the program */
		if (write(errfd, &err, sizeof(err)) < 0)
			_exit(126);
		_exit(127);
	}
	if (shell) {
		/* "exec PROG ARGS": the shell replaces itself with the program. */
		size_t n = 6;
		char *cmd, *q;

		for (int i = 0; argv[i]; i++)
			n += strlen(argv[i]) + 1;
		cmd = malloc(n);
		if (cmd) {
			q = stpcpy(cmd, "exec");
			for (int i = 0; argv[i]; i++) {
				*q++ = ' ';
				q = stpcpy(q, argv[i]);
			}
			execle(shell, shell, "-c", cmd, (char *)NULL, envp);
		}
	} else {
		execve(argv[0], argv, envp);
	}
	err = errno;
	if (write(errfd, &err, sizeof(err)) < 0)
		_exit(126);
	_exit(127);
}

/* Returns: what to do about a failed launch, for the error message. */
static const char *launch_hint(int err)
{
	switch (err) {
	case ENOENT:
	case ENOTDIR:
		return ": the path is looked up in the target: check 'set remote exec-file' or the stub's command line (a dynamic program also needs its loader in the target)";
	case EACCES:
		return ": it must be an executable file the stub may run (chmod +x)";
	case ENOEXEC:
		return ": not an executable for this machine (an aarch64 ELF file?)";
	case EPERM:
		return ": the stub may not trace it (see /proc/sys/kernel/yama/ptrace_scope)";
	default:
		return "";
	}
}

/*
 * execve() says ENOENT also when the file exists but the interpreter it
 * names does not (a script's "#!" line, an ELF file's PT_INTERP loader).
 * Returns: the message for that case in @msg, or NULL if @prog is missing.
 */
static const char *missing_interpreter(const char *prog, char *msg, size_t len)
{
	char head[256];
	ssize_t n;
	int fd;

	fd = open(prog, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	n = read(fd, head, sizeof(head) - 1);
	close(fd);
	if (n < 0)
		n = 0;
	head[n] = '\0';
	if (n > 2 && head[0] == '#' && head[1] == '!') {
		char *interp = head + 2 + strspn(head + 2, " \t");

		interp[strcspn(interp, " \t\r\n")] = '\0';
		snprintf(msg, len, "cannot run '%s': its interpreter '%s' (the script's #! line) does not exist in the target",
			 prog, interp);
	} else {
		snprintf(msg, len, "cannot run '%s': the file exists, but the dynamic loader it names (PT_INTERP) does not exist in the target",
			 prog);
	}
	return msg;
}

static const char *launch_error(const struct target *t, int err,
				const char *prog)
{
	static char msg[512];

	if (err < 0) {
		snprintf(msg, sizeof(msg), "cannot run '%s': cannot change to its working directory '%s' (set cwd): %s",
			 prog, t->cwd, strerror(-err));
		return msg;
	}
	if (err == ENOENT && missing_interpreter(prog, msg, sizeof(msg)))
		return msg;
	snprintf(msg, sizeof(msg), "cannot run '%s': %s%s", prog, strerror(err),
		 launch_hint(err));
	return msg;
}

struct process *target_launch(struct target *t, char *const argv[])
{
	int pipefd[2], status, err = 0, execs_left;
	struct process *p;
	struct thread *th;
	pid_t pid, w;

	if (!argv[0] || !argv[0][0]) {
		t->last_error = "no program to run";
		return NULL;
	}
	if (t->use_shell && access(t->shell, X_OK)) {
		static char msg[256];

		snprintf(msg, sizeof(msg), "startup-with-shell is on but %s does not exist in the target: use 'set startup-with-shell off'",
			 t->shell);
		t->last_error = msg;
		return NULL;
	}
	if (pipe2(pipefd, O_CLOEXEC)) {
		t->last_error = strerror(errno);
		return NULL;
	}
	pid = fork();
	if (pid < 0) {
		err = errno;
		close(pipefd[0]);
		close(pipefd[1]);
		t->last_error = launch_error(t, err, argv[0]);
		return NULL;
	}
	if (pid == 0) {
		close(pipefd[0]);
		child_exec(t, argv, pipefd[1], t->use_shell ? t->shell : NULL,
			   t->disable_aslr);
	}
	close(pipefd[1]);

	/*
	 * The child stopped itself; seize it, then let it go on to exec.
	 * errno only where a call failed: a child that ended instead of
	 * stopping leaves whatever an earlier call put there.
	 */
	w = waitpid(pid, &status, WSTOPPED);
	if (w < 0)
		err = errno;
	else if (w != pid || !WIFSTOPPED(status))
		err = ECHILD;
	else if (ptrace(PTRACE_SEIZE, pid, 0, SEIZE_OPTIONS))
		err = errno;
	if (err) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, __WALL);
		close(pipefd[0]);
		t->last_error = launch_error(t, err, argv[0]);
		return NULL;
	}
	kill(pid, SIGCONT);
	/*
	 * Until the exec event: a group-stop trap (we seized a stopped task),
	 * the SIGCONT, and with a shell one extra exec.  None is reported.
	 */
	execs_left = t->use_shell ? 2 : 1;
	for (;;) {
		if (waitpid(pid, &status, __WALL) != pid) {
			err = errno;
			break;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (read(pipefd[0], &err, sizeof(err)) != sizeof(err))
				err = ENOEXEC;
			break;
		}
		if (status >> 8 == (SIGTRAP | PTRACE_EVENT_EXEC << 8) &&
		    --execs_left == 0)
			break;
		if (status >> 16 == PTRACE_EVENT_STOP && WSTOPSIG(status) != SIGTRAP)
			ptrace(PTRACE_CONT, pid, 0, 0);	/* group-stop: go on */
		else
			ptrace(PTRACE_CONT, pid, 0, 0);	/* SIGCONT, first exec */
	}
	close(pipefd[0]);
	if (err) {
		t->last_error = launch_error(t, err, argv[0]);
		return NULL;
	}

	p = process_add(t, pid);
	th = p ? thread_add(p, pid) : NULL;
	if (!th) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, __WALL);
		t->last_error = "out of memory";
		return NULL;
	}
	probe_abi(t, pid);
	regs_process_layout(t, p, pid);
	th->stop.kind = STOP_EXEC;
	syscall_regs_reset(&th->sr);
	return p;
}

/* ---- attaching ---- */

/*
 * The first argument of the syscall @tid is blocked in, from
 * /proc/TID/syscall ("NR ARG0 ... SP PC"), before we interrupt it: the
 * interruption restarts the call and the kernel's orig_x0 is not exposed.
 */
static void blocked_arg0(pid_t pid, pid_t tid, struct sysregs *sr)
{
	char path[64], line[256];
	unsigned long long arg0;
	long nr;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", pid, tid);
	f = fopen(path, "re");
	if (!f)
		return;
	if (fgets(line, sizeof(line), f) &&
	    sscanf(line, "%ld %llx", &nr, &arg0) == 2 && nr >= 0)
		sr->orig_x0 = arg0;
	fclose(f);
}

/* Seize every thread of @p not yet traced.  Returns: how many, or -errno. */
static int seize_threads(struct target *t, struct process *p)
{
	char path[64];
	struct dirent *d;
	int added = 0;
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/task", p->pid);
	dir = opendir(path);
	if (!dir)
		return -errno;
	while ((d = readdir(dir))) {
		pid_t tid = atoi(d->d_name);
		struct thread *th;

		if (tid <= 0)
			continue;
		for (th = p->threads; th && th->tid != tid; th = th->next)
			;
		if (th)
			continue;
		th = thread_add(p, tid);
		if (!th) {
			closedir(dir);
			return -ENOMEM;
		}
		blocked_arg0(p->pid, tid, &th->sr);
		if (ptrace(PTRACE_SEIZE, tid, 0, SEIZE_OPTIONS)) {
			int err = errno;

			thread_remove(p, th);
			if (err == ESRCH)
				continue;	/* it exited meanwhile */
			closedir(dir);
			return -err;
		}
		th->running = true;
		added++;
	}
	closedir(dir);
	return added;
}

/*
 * Can @pid be attached to at all?  The kernel's answers would mislead:
 * PTRACE_SEIZE of a zombie fails with EPERM, a missing /proc/PID/task
 * is ENOENT, and pid 1 can be seized but never killed (SIGKILL from its
 * own namespace is dropped: SIGNAL_UNKILLABLE), so a later kill would wait
 * forever, and holding it stopped stalls the whole system.
 * Returns: NULL, or why not in @msg.
 */
static const char *attach_refusal(pid_t pid, char *msg, size_t len)
{
	char path[64], stat[512];
	const char *state;
	ssize_t n;
	int fd;

	if (pid == 1) {
		snprintf(msg, len, "refusing to attach to process 1 (init): it cannot be killed, and stopping it stalls the system");
		return msg;
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(msg, len, "cannot attach to process %d: %s", pid,
			 strerror(errno == ENOENT ? ESRCH : errno));
		return msg;
	}
	n = read(fd, stat, sizeof(stat) - 1);
	close(fd);
	stat[n > 0 ? n : 0] = '\0';
	/* "PID (COMM) S ...": COMM may hold anything, the last ')' ends it. */
	state = strrchr(stat, ')');
	if (state && state[1] == ' ' && state[2] == 'Z') {
		snprintf(msg, len, "process %d is a zombie - the process has already terminated",
			 pid);
		return msg;
	}
	return NULL;
}

struct process *target_attach(struct target *t, pid_t pid)
{
	static char msg[256];
	struct process *p;
	int n;

	if (attach_refusal(pid, msg, sizeof(msg))) {
		t->last_error = msg;
		return NULL;
	}
	if (target_find_process(t, pid)) {
		snprintf(msg, sizeof(msg), "already debugging process %d", pid);
		t->last_error = msg;
		return NULL;
	}
	p = process_add(t, pid);
	if (!p) {
		t->last_error = "out of memory";
		return NULL;
	}
	p->attached = true;
	/* Threads may be created while we attach: go round until none is. */
	while ((n = seize_threads(t, p)) > 0)
		;
	if (n < 0 || !p->threads) {
		snprintf(msg, sizeof(msg),
			 "cannot attach to process %d: %s%s", pid,
			 strerror(n < 0 ? -n : ESRCH),
			 n == -EPERM ? " (already traced, or not allowed: see /proc/sys/kernel/yama/ptrace_scope)" : "");
		t->last_error = msg;
		for (struct thread *th = p->threads; th; th = th->next)
			ptrace(PTRACE_DETACH, th->tid, 0, 0);
		process_remove(t, p);
		return NULL;
	}
	target_stop_all(t);
	if (!t->abi_known)
		probe_abi(t, pid);
	p = target_find_process(t, pid);
	if (p)
		regs_process_layout(t, p, p->threads->tid);
	return p;
}

/* ---- stopping and resuming ---- */

/* Send PTRACE_INTERRUPT to @th unless it is already stopping. */
static void thread_interrupt(struct thread *th)
{
	if (!th->running || th->interrupting)
		return;
	if (ptrace(PTRACE_INTERRUPT, th->tid, 0, 0) == 0)
		th->interrupting = true;
}

void target_begin_resume(struct target *t)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			th->resumed = false;
}

void target_interrupt(struct target *t)
{
	t->interrupt_requested = true;
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			thread_interrupt(th);
}

static bool any_running(struct target *t)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			if (th->running)
				return true;
	return false;
}

/* The ptrace request that resumes @th the way it was last asked to go. */
static int resume_request(struct target *t, struct thread *th)
{
	if (th->step)
		return PTRACE_SINGLESTEP;
	return t->catch_syscalls ? PTRACE_SYSCALL : PTRACE_CONT;
}

/* Resume @th without GDB's knowledge, delivering @sig. */
int thread_continue(struct target *t, struct thread *th, int sig)
{
	int err;

	err = regs_flush(t, th);
	if (err)
		return err;
	if (ptrace(resume_request(t, th), th->tid, 0, sig)) {
		err = -errno;
		return err;
	}
	th->running = true;
	th->report = false;
	th->stop.kind = STOP_NONE;
	regs_invalidate(th);
	return 0;
}

int target_resume(struct target *t, struct thread *th,
		  const struct resume_action *act)
{
	int sig = act->sig;
	int err;

	if (th->running)
		return 0;
	th->resumed = true;
	th->proc->resumed_once = true;
	th->step = act->step;
	/* A signal that arrived while all threads were being stopped. */
	if (!sig && th->held_sig)
		sig = th->held_sig;
	th->held_sig = 0;
	/*
	 * A signal can only be injected at a signal-delivery-stop; at any
	 * other stop queue it to the thread and let it through silently
	 * when it comes back.
	 */
	if (sig && th->stop.kind != STOP_SIGNAL) {
		if (syscall(SYS_tgkill, th->proc->pid, th->tid, sig) == 0)
			th->deliver_sig = sig;
		sig = 0;
	}
	err = syscall_regs_before_resume(t, th);
	if (err)
		return err;
	return thread_continue(t, th, sig);
}

/* ---- the wait loop ---- */

static void classify_syscall(struct target *t, struct thread *th)
{
	struct ptrace_syscall_info info;
	long n;

	memset(&info, 0, sizeof(info));
	n = ptrace(PTRACE_GET_SYSCALL_INFO, th->tid, sizeof(info), &info);
	th->stop.kind = STOP_SYSCALL;
	th->stop.pc = info.instruction_pointer;
	th->stop.sp = info.stack_pointer;
	if (n > 0 && info.op == PTRACE_SYSCALL_INFO_ENTRY) {
		th->stop.entry = true;
		th->stop.sysno = (int)info.entry.nr;
		th->stop.arg0 = info.entry.args[0];
		th->in_syscall = true;
		th->entry_sysno = th->stop.sysno;
	} else {
		/*
		 * The exit stop: the number is still in NT_ARM_SYSTEM_CALL,
		 * unless it became -1 on the way: rt_sigreturn resets it
		 * itself (forget_syscall() in restore_sigframe()), and so
		 * does a tracer skipping the call.  It is still the exit of
		 * the call that entered.
		 */
		th->stop.entry = false;
		th->stop.sysno = regs_syscallno(t, th);
		if (th->stop.sysno == -1 && th->in_syscall)
			th->stop.sysno = th->entry_sysno;
		th->in_syscall = false;
	}
}

/*
 * Handle a new thread that appeared in a clone event or reported its
 * first stop before its creator's clone event arrived.
 */
/*
 * A process that a fork or vfork created: the kernel traces it already.
 * It stays stopped until GDB, told of it by the parent's event, resumes or
 * detaches it.  A fork child has our breakpoints in its copy of memory.
 */
/* Returns: @pid's parent (field 4 of /proc/PID/stat), or 0. */
static pid_t proc_ppid(pid_t pid)
{
	char path[64];
	long ppid;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	ppid = proc_stat_field(path, 4);
	return ppid > 0 ? (pid_t)ppid : 0;
}

static struct process *adopt_process(struct target *t, pid_t pid,
				     struct process *parent, bool vfork)
{
	struct process *p = target_find_process(t, pid);

	if (p)
		return p;
	p = process_add(t, pid);
	if (!p)
		return NULL;
	p->fork_child = true;
	/* GDB gives a fork child its parent's description. */
	p->layout = parent ? parent->layout : t->layout;
	/*
	 * Its first stop may come before the parent's fork event: then the
	 * parent is the one /proc names.  A parent that is not ours (or
	 * already gone) will never report the fork: the child shows as it is.
	 */
	p->fork_parent = parent ? parent->pid : proc_ppid(pid);
	p->unannounced = p->fork_parent > 0 && target_find_process(t, p->fork_parent);
	if (parent && !vfork)
		bp_copy(p, parent);
	return p;
}

static struct thread *adopt_thread(struct target *t, pid_t tid)
{
	struct thread *th = target_find_thread(t, tid);
	char path[64], line[128];
	struct process *p = NULL;
	pid_t tgid = 0;
	FILE *f;

	if (th)
		return th;
	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (f) {
		while (fgets(line, sizeof(line), f))
			if (!strncmp(line, "Tgid:", 5)) {
				tgid = atoi(line + 5);
				p = target_find_process(t, tgid);
				break;
			}
		fclose(f);
	}
	/* A new process reporting before its parent's fork event did. */
	if (!p && tgid == tid && (t->fork_events || t->vfork_events))
		p = adopt_process(t, tid, NULL, false);
	if (!p)
		return NULL;
	th = thread_add(p, tid);
	if (th) {
		/* Clones inherit no debug registers: set them at its first stop. */
		th->needs_hw = p->hw != NULL;
		/* It starts running: its first stop is still to come. */
		th->running = true;
		th->resumed = true;
		th->interrupting = true;
	}
	return th;
}

/*
 * Let a thread go on after a stop GDB is not to hear of.  While every
 * thread is being stopped it stays where it is instead, and a signal it
 * was to receive waits for its next resume.
 */
static void auto_resume(struct target *t, struct thread *th, int sig)
{
	if (t->stopping) {
		th->held_sig = sig;
		return;
	}
	thread_continue(t, th, sig);
}

/*
 * Turn a wait status into the thread's stop, and decide whether GDB is
 * to hear of it.  Stops GDB does not care about resume the thread here.
 */
static void handle_stop(struct target *t, struct thread *th, int status)
{
	int sig = WSTOPSIG(status), event = status >> 16;
	unsigned long msg;
	bool quiet;

	th->running = false;
	regs_invalidate(th);
	memset(&th->stop, 0, sizeof(th->stop));
	if (th->needs_hw) {
		th->needs_hw = false;
		hw_new_thread(th->proc, th);
	}

	quiet = th->quiet_exit;
	th->quiet_exit = false;
	if (sig == (SIGTRAP | 0x80)) {
		if (quiet && !target_catches(t, th->entry_sysno)) {
			/*
			 * The exit of a call whose entry GDB did not hear of,
			 * with no stop in between: nothing to ask the kernel
			 * (the number is the entry's; nobody could change it),
			 * nothing to report.
			 */
			th->stop.kind = STOP_SYSCALL;
			th->stop.sysno = th->entry_sysno;
			th->in_syscall = false;
			th->report = false;
		} else {
			classify_syscall(t, th);
			th->report = syscall_regs_on_syscall_stop(t, th) &&
				     target_catches(t, th->stop.sysno);
		}
		/*
		 * Any ptrace stop consumes a pending PTRACE_INTERRUPT
		 * (ptrace_stop() clears JOBCTL_TRAP_STOP): no trap follows.
		 */
		if (th->interrupting && th->report) {
			th->interrupting = false;
			return;
		}
		if (th->interrupting) {
			/*
			 * Not a stop for GDB, and it must not be where the
			 * thread waits either: GDB takes it for one stopped
			 * anywhere, but here the kernel shows x7 as its 0/1
			 * marker and discards writes to it (report_syscall()).
			 * Interrupt it again and let it go on: it traps on its
			 * way out to user mode (after running the syscall, if
			 * this is an entry stop), where x7 is real.
			 */
			if (ptrace(PTRACE_INTERRUPT, th->tid, 0, 0) == 0) {
				thread_continue(t, th, 0);
				return;
			}
			th->interrupting = false;
		}
		if (!th->report) {
			bool entry = th->stop.entry;

			auto_resume(t, th, 0);
			th->quiet_exit = entry && th->running &&
					 resume_request(t, th) == PTRACE_SYSCALL;
		}
		return;
	}
	/*
	 * Every other trap (an event stop, a signal-delivery-stop) consumes
	 * a pending PTRACE_INTERRUPT just as a syscall stop does ("any trap
	 * clears pending STOP trap", ptrace_stop() in kernel/signal.c).
	 * Left set, the flag would keep thread_interrupt() from ever
	 * interrupting this thread again, and target_stop_all() would wait
	 * for it forever (a thread creating threads while all are stopped).
	 * If the interrupt came after the trap instead, it stays pending and
	 * shows up as a PTRACE_EVENT_STOP after the next resume, which the
	 * STOP_INTERRUPT case below lets go on.
	 */
	if (event != PTRACE_EVENT_STOP)
		th->interrupting = false;
	switch (event) {
	case PTRACE_EVENT_STOP:
		if (sig != SIGTRAP && sig != SIGSTOP && sig != SIGTSTP &&
		    sig != SIGTTIN && sig != SIGTTOU)
			break;
		if (sig != SIGTRAP) {
			/* A group-stop: job control is not the debugger's. */
			th->stop.kind = STOP_GROUP;
			th->stop.signo = sig;
			auto_resume(t, th, 0);
			return;
		}
		th->stop.kind = STOP_INTERRUPT;
		th->interrupting = false;
		if (t->interrupt_requested) {
			t->interrupt_requested = false;
			th->report = true;
		} else if (th->proc->fork_child && !th->proc->resumed_once) {
			/* A new fork child waits for GDB's word. */
		} else {
			auto_resume(t, th, 0);
		}
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		th->stop.kind = event == PTRACE_EVENT_FORK ? STOP_FORK : STOP_VFORK;
		if (ptrace(PTRACE_GETEVENTMSG, th->tid, 0, &msg) == 0) {
			struct process *child = target_find_process(t, (pid_t)msg);

			th->stop.child = (pid_t)msg;
			if (child) {	/* its first stop came first */
				child->fork_parent = th->proc->pid;
				bp_copy_if_fork(child, th->proc, event == PTRACE_EVENT_VFORK);
			} else
				child = adopt_process(t, (pid_t)msg, th->proc,
						      event == PTRACE_EVENT_VFORK);
			/* Its first stop may still be to come. */
			if (child && !child->threads)
				adopt_thread(t, (pid_t)msg);
		}
		th->report = true;
		return;
	case PTRACE_EVENT_VFORK_DONE:
		th->stop.kind = STOP_VFORK_DONE;
		th->report = true;
		return;
	case PTRACE_EVENT_CLONE:
		th->stop.kind = STOP_CLONE;
		if (ptrace(PTRACE_GETEVENTMSG, th->tid, 0, &msg) == 0)
			adopt_thread(t, (pid_t)msg);
		auto_resume(t, th, 0);
		return;
	case PTRACE_EVENT_EXEC:
		th->stop.kind = STOP_EXEC;
		exec_cleanup(t, th);
		syscall_regs_on_exec(t, th);
		th->report = true;
		return;
	default:
		break;
	}

	/* A signal-delivery-stop. */
	th->stop.kind = STOP_SIGNAL;
	th->stop.signo = sig;
	if (ptrace(PTRACE_GETSIGINFO, th->tid, 0, &th->stop.si))
		memset(&th->stop.si, 0, sizeof(th->stop.si));
	if (syscall_regs_on_signal_stop(t, th)) {
		/* Our own stop for fixing registers: swallow it. */
		auto_resume(t, th, 0);
		return;
	}
	if (th->deliver_sig == sig) {
		th->deliver_sig = 0;
		auto_resume(t, th, sig);
		return;
	}
	if (sig > 0 && sig < TARGET_NSIG && t->pass_signals[sig] &&
	    sig != SIGTRAP) {
		auto_resume(t, th, sig);
		return;
	}
	/*
	 * A single-step over svc ends in the kernel's "pseudo-step" SIGTRAP
	 * (SI_USER, no sender) raised at syscall exit (report_syscall() in
	 * arch/arm64/kernel/ptrace.c), which leaves the hardware step state
	 * machine active-pending: the next PTRACE_SINGLESTEP would trap at
	 * once, on the same pc, without running an instruction.  Writing
	 * NT_PRSTATUS back re-arms it (valid_user_regs() sets SPSR.SS while
	 * TIF_SINGLESTEP is set), so mark the registers for writing.
	 */
	if (th->step && sig == SIGTRAP && th->stop.si.si_code == SI_USER &&
	    th->stop.si.si_pid == 0 && !regset_fetch(t, th, RS_GPR))
		th->rc.dirty[RS_GPR] = true;
	th->report = true;
}

/* A thread or process is gone. */
static void handle_exit(struct target *t, pid_t tid, int status)
{
	struct event *ev;

	struct thread *th = target_find_thread(t, tid);
	struct process *p = th ? th->proc : target_find_process(t, tid);

	if (!p)
		return;
	if (tid != p->pid) {
		thread_remove(p, th);
		return;
	}
	if (t->nexits == TARGET_MAX_EXITS) {
		/* Cannot happen with fewer processes than slots; keep the newest. */
		memmove(t->exits, t->exits + 1, sizeof(t->exits[0]) * (TARGET_MAX_EXITS - 1));
		t->nexits--;
	}
	ev = &t->exits[t->nexits++];
	memset(ev, 0, sizeof(*ev));
	ev->kind = WIFEXITED(status) ? EV_EXITED : EV_SIGNALLED;
	ev->code = WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status);
	ev->pid = p->pid;
	ev->thread = NULL;
	process_remove(t, p);
}

/* Act on one wait status of @tid. */
static void take_status(struct target *t, pid_t tid, int status)
{
	struct thread *th;

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		handle_exit(t, tid, status);
		return;
	}
	th = target_find_thread(t, tid);
	if (!th && (status >> 16) == 0) {
		/*
		 * Not a new thread of ours (those start with an event stop):
		 * a job-control stop of a child that is not traced (seen with
		 * WUNTRACED: a launched program GDB detached from), or a
		 * tracee we do not hold (a clone adopt_thread() refused).  Let
		 * it go on with its signal; for an untraced child this fails.
		 */
		ptrace(PTRACE_CONT, tid, 0, WSTOPSIG(status));
		return;
	}
	if (!th)
		th = adopt_thread(t, tid);
	if (!th) {
		/* Not ours to hold (a stray child): let it run. */
		ptrace(PTRACE_CONT, tid, 0, 0);
		return;
	}
	handle_stop(t, th, status);
}

/* Collect every wait status available now (@flags 0: wait for one). */
static void reap(struct target *t, int flags)
{
	int status;
	pid_t tid;

	while ((tid = waitpid(-1, &status, __WALL | flags)) > 0) {
		flags |= WNOHANG;
		if (!watcher_owns(&t->input, tid, status))
			take_status(t, tid, status);
	}
}

void target_stop_all(struct target *t)
{
	t->stopping = true;
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			thread_interrupt(th);
	while (any_running(t))
		reap(t, 0);
	t->stopping = false;
}

/* Fill in what a stop reply needs to say about @th's stop. */
static void finish_report(struct target *t, struct thread *th,
			  struct event *ev)
{
	switch (th->stop.kind) {
	case STOP_INTERRUPT:
		ev->sigint = true;
		break;
	case STOP_FORK:
	case STOP_VFORK: {
		/* Told now (as an event, or plainly to a new client). */
		struct process *c = target_find_process(t, th->stop.child);

		if (c)
			c->unannounced = false;
		break;
	}
	case STOP_EXEC:
		ev->exec = t->trace_exec_events;
		break;
	case STOP_SIGNAL:
		/* BRK leaves the pc on the instruction: was it ours? */
		if (th->stop.signo == SIGTRAP && th->stop.si.si_code == TRAP_BRKPT) {
			uint64_t pc;

			if (!target_reg_read(t, th, ARM64_REG_PC, &pc) &&
			    bp_find(th->proc, pc))
				ev->swbreak = true;
		}
		/* si_addr: the data address for a watchpoint, the pc else. */
		if (th->stop.signo == SIGTRAP && th->stop.si.si_code == TRAP_HWBKPT) {
			uint64_t a = (uint64_t)th->stop.si.si_addr, pc = 0;

			target_reg_read(t, th, ARM64_REG_PC, &pc);
			ev->watch = hw_find_hit(th->proc, a, true);
			ev->watch_addr = a;
			ev->hwbreak = !ev->watch && hw_find_hit(th->proc, pc, false);
		}
		break;
	case STOP_SYSCALL:
		syscall_regs_on_report(t, th);
		break;
	default:
		break;
	}
}

struct thread *target_pending(struct target *t, struct event *ev,
			      bool resumed_only)
{
	for (struct process *p = t->procs; p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			if (th->report && (th->resumed || !resumed_only)) {
				/* GDB hears of a stop: a ^C has had its answer. */
				t->interrupt_requested = false;
				memset(ev, 0, sizeof(*ev));
				ev->kind = EV_STOP;
				ev->thread = th;
				ev->pid = p->pid;
				th->report = false;
				finish_report(t, th, ev);
				return th;
			}
	return NULL;
}

/* Is there input on @fd (or has the peer gone), within @ms milliseconds? */
static bool input_ready(int fd, int ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, ms) > 0;
}

/*
 * One blocking waitpid() serves the tracees and GDB: the input watcher
 * (watcher.c) is a child whose stop says GDB has something to say.  A
 * stop GDB is not told of costs the bare minimum here: this waitpid(),
 * what handle_stop() needs, and the resume.
 */
int target_wait(struct target *t, int fd, struct event *ev)
{
	for (;;) {
		int status, flags = __WALL | WUNTRACED;
		pid_t tid;

		for (int i = 0; i < t->nexits; i++) {
			if (t->exits[i].held)
				continue;
			/*
			 * A stop GDB is to hear of answers a ^C too: forget it
			 * before stopping the rest, or the PTRACE_INTERRUPT it
			 * sent (pending on a thread that had trapped already, or
			 * one stopped here) would be reported as a SIGINT on the
			 * next resume.
			 */
			t->interrupt_requested = false;
			/* A process ended: stop the rest before telling GDB. */
			target_stop_all(t);
			*ev = t->exits[i];
			memmove(t->exits + i, t->exits + i + 1,
				sizeof(t->exits[0]) * (size_t)(--t->nexits - i));
			return 1;
		}
		if (!t->procs)
			return -ECHILD;
		for (struct process *p = t->procs; p; p = p->next)
			for (struct thread *th = p->threads; th; th = th->next)
				if (th->report && th->resumed) {
					t->interrupt_requested = false;
					target_stop_all(t);
					target_pending(t, ev, true);
					return 1;
				}
		if (!any_running(t))
			return -EDEADLK;
		/* No watcher (fork failed): look at both in turn. */
		if (fd >= 0 && watcher_arm(&t->input, fd) < 0)
			flags |= WNOHANG;
		tid = waitpid(-1, &status, flags);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (tid == 0) {
			if (input_ready(fd, 10))
				return 0;
			continue;
		}
		if (watcher_owns(&t->input, tid, status)) {
			/* It may have seen packets the stub has read since. */
			if (fd >= 0 && input_ready(fd, 0))
				return 0;
			continue;
		}
		take_status(t, tid, status);
	}
}

/* ---- the end of a process ---- */

void target_poll(struct target *t)
{
	reap(t, WNOHANG);
}

bool target_take_exit(struct target *t, struct event *ev)
{
	if (!t->nexits)
		return false;
	*ev = t->exits[0];
	memmove(t->exits, t->exits + 1, sizeof(t->exits[0]) * --t->nexits);
	return true;
}

bool target_forget_exit(struct target *t, pid_t pid)
{
	for (int i = 0; i < t->nexits; i++) {
		if (t->exits[i].pid != pid)
			continue;
		memmove(t->exits + i, t->exits + i + 1,
			sizeof(t->exits[0]) * (size_t)(t->nexits - i - 1));
		t->nexits--;
		return true;
	}
	return false;
}

/* SIGALRM only has to interrupt waitpid() in target_kill(). */
static void kill_wait_alarm(int sig)
{
	(void)sig;
}

/*
 * A SIGKILLed process that has not died after this long never will (pid 1
 * of a namespace, a task stuck in the kernel): give up on it rather than
 * block the stub for good.
 */
#define KILL_WAIT_SECONDS	10

int target_kill(struct target *t, struct process *p)
{
	struct sigaction sa = { .sa_handler = kill_wait_alarm }, old_sa;
	pid_t pid = p->pid;
	int status, err = 0;

	kill(pid, SIGKILL);
	/* No SA_RESTART: the alarm makes waitpid() return EINTR. */
	sigaction(SIGALRM, &sa, &old_sa);
	alarm(KILL_WAIT_SECONDS);
	/* Reap every thread; the leader comes last. */
	for (;;) {
		pid_t w = waitpid(-1, &status, __WALL);

		if (w < 0 && errno == EINTR) {
			fprintf(stderr, "a64stub: process %d did not die within %d s of SIGKILL: detaching from it\n",
				pid, KILL_WAIT_SECONDS);
			for (struct thread *th = p->threads; th; th = th->next)
				ptrace(PTRACE_DETACH, th->tid, 0, 0);
			err = -ETIMEDOUT;
			break;
		}
		if (w < 0)
			break;
		if (watcher_owns(&t->input, w, status))
			continue;
		if (w == pid && (WIFEXITED(status) || WIFSIGNALED(status)))
			break;
		if (WIFSTOPPED(status))
			ptrace(PTRACE_CONT, w, 0, 0);
		else if (!target_find_thread(t, w) && !target_find_process(t, w))
			continue;
	}
	alarm(0);
	sigaction(SIGALRM, &old_sa, NULL);
	p = target_find_process(t, pid);
	if (p)
		process_remove(t, p);
	return err;
}

int target_detach(struct target *t, struct process *p)
{
	int err = 0;

	bp_remove_all(t, p);
	for (struct thread *th = p->threads; th; th = th->next) {
		if (p->hw)
			hw_clear_thread(p, th);
		int sig = 0;

		regs_flush(t, th);
		/* A pending signal GDB did not see is delivered on detach. */
		if (th->stop.kind == STOP_SIGNAL && th->report)
			sig = th->stop.signo;
		if (ptrace(PTRACE_DETACH, th->tid, 0, sig) && !err)
			err = -errno;
	}
	process_remove(t, p);
	return err;
}

const char *target_thread_name(struct thread *th, char *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/comm", th->proc->pid,
		 th->tid);
	buf[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return buf;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		n = 0;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return buf;
}
