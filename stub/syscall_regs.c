// SPDX-License-Identifier: MIT
/*
 * The syscall registers on stock and seed kernels.
 *
 * What the stock arm64 kernel does (report_syscall() in
 * arch/arm64/kernel/ptrace.c): at a syscall-entry or -exit stop it puts
 * 0 or 1 in x7, and puts the saved value back when the stop ends, so the
 * tracer can neither see nor change the real x7 there.  orig_x0, which
 * do_signal() copies back into x0 to restart a syscall, is never exposed.
 *
 * What works instead, measured on Debian's 6.1 kernel:
 *  - Entry stops: set the syscall number to -1 (skip), rewind pc to the
 *    svc and single-step.  The skipped syscall ends in a "pseudo-step"
 *    SIGTRAP stop where x7 is real and writable; PTRACE_SYSCALL from there
 *    runs the svc again and gives a fresh entry stop for the same call.
 *  - Exit stops: the next signal-delivery-stop of the thread comes before
 *    it returns to user mode, with the restart already prepared and x7
 *    real; writes made at the exit stop are applied there.  A SIGSTOP sent
 *    to the thread guarantees such a stop; it is swallowed.
 *  - orig_x0 is x0 at the entry stop (PTRACE_GET_SYSCALL_INFO's args[0]).
 * None of this touches the tracee's seccomp state or privileges.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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

/* Syscall return values that make do_signal() restart the call. */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ERESTART_RESTARTBLOCK	516

static bool is_restart(uint64_t x0)
{
	int64_t v = (int64_t)x0;

	return v == -ERESTARTSYS || v == -ERESTARTNOINTR ||
	       v == -ERESTARTNOHAND || v == -ERESTART_RESTARTBLOCK;
}

static bool at_syscall_stop(const struct thread *th)
{
	return th->stop.kind == STOP_SYSCALL;
}

void syscall_regs_reset(struct sysregs *sr)
{
	memset(sr, 0, sizeof(*sr));
}

void syscall_regs_on_syscall_stop(struct target *t, struct thread *th)
{
	struct sysregs *sr = &th->sr;

	(void)t;
	if (!th->stop.entry)
		return;
	sr->orig_x0 = th->stop.arg0;
	sr->x7_known = false;
	if (th->stop.sysno == ARM64_NR_RT_SIGRETURN)
		sr->frame_sp = th->stop.sp;
}

void syscall_regs_on_exec(struct target *t, struct thread *th)
{
	/* An exec event stop does not clobber x7: read the new image's. */
	if (t->seed_abi || regset_fetch(t, th, RS_GPR))
		return;
	th->sr.x7 = regs_gpr(th, ARM64_OFF_X(7));
	th->sr.x7_known = true;
}

/*
 * Wait for @th's next stop after a resume of our own.  Stops that are not
 * the one wanted are dealt with here: our pending interrupt trap is
 * consumed, and a signal that comes first is kept for later delivery.
 * Returns: the wait status of the stop wanted (matched by @want), or -errno.
 */
static int own_wait(struct thread *th, int req, bool (*want)(int status))
{
	int status;

	for (;;) {
		if (waitpid(th->tid, &status, __WALL) != th->tid)
			return -errno;
		if (!WIFSTOPPED(status))
			return -ESRCH;
		if (want(status))
			return status;
		if (status >> 16 == PTRACE_EVENT_STOP) {
			th->interrupting = false;
		} else if (!(status >> 16) && WSTOPSIG(status) != (SIGTRAP | 0x80)) {
			/* A real signal got in first: deliver it later. */
			th->held_sig = 0;
			syscall(SYS_tgkill, th->proc->pid, th->tid, WSTOPSIG(status));
			th->deliver_sig = WSTOPSIG(status);
		}
		if (ptrace(req, th->tid, 0, 0))
			return -errno;
	}
}

static bool is_pseudo_step(int status)
{
	return !(status >> 16) && WSTOPSIG(status) == SIGTRAP;
}

static bool is_syscall_stop(int status)
{
	return WSTOPSIG(status) == (SIGTRAP | 0x80);
}

static int set_syscallno(pid_t tid, int32_t nr)
{
	struct iovec iov = { &nr, sizeof(nr) };

	return ptrace(PTRACE_SETREGSET, tid, ARM64_NT_ARM_SYSTEM_CALL, &iov) ?
	       -errno : 0;
}

static int gpr_io(pid_t tid, int req, void *buf)
{
	struct iovec iov = { buf, ARM64_PRSTATUS_STOCK };

	return ptrace(req, tid, ARM64_NT_PRSTATUS, &iov) ? -errno : 0;
}

/*
 * At a stock entry stop: take the thread through the skip-and-step dance
 * to read (and, if @write, set) its real x7, leaving it at a fresh entry
 * stop of the same syscall with the same registers.
 */
static int reenter(struct target *t, struct thread *th, bool write,
		   uint64_t x7)
{
	uint64_t regs[ARM64_PRSTATUS_STOCK / 8];
	int32_t nr;
	int err, status;

	err = regs_flush(t, th);
	if (!err)
		err = regset_fetch(t, th, RS_SYSCALL);
	if (err)
		return err;
	memcpy(&nr, th->rc.sysc, sizeof(nr));
	err = gpr_io(th->tid, PTRACE_GETREGSET, regs);
	if (err)
		return err;
	/* Skip the call and come back to the svc by a single step. */
	regs[ARM64_OFF_PC / 8] -= ARM64_SVC_LEN;
	err = set_syscallno(th->tid, -1);
	if (!err)
		err = gpr_io(th->tid, PTRACE_SETREGSET, regs);
	if (err)
		return err;
	regs_invalidate(th);
	if (ptrace(PTRACE_SINGLESTEP, th->tid, 0, 0))
		return -errno;
	status = own_wait(th, PTRACE_SINGLESTEP, is_pseudo_step);
	if (status < 0)
		return status;

	/* The pseudo-step stop: x7 is the real one here, and writable. */
	err = gpr_io(th->tid, PTRACE_GETREGSET, regs);
	if (err)
		return err;
	if (write) {
		regs[7] = x7;
		err = gpr_io(th->tid, PTRACE_SETREGSET, regs);
		if (err)
			return err;
	}
	th->sr.x7 = regs[7];
	th->sr.x7_known = true;

	/* Run the svc again: a fresh entry stop of the same call. */
	if (ptrace(PTRACE_SYSCALL, th->tid, 0, 0))
		return -errno;
	status = own_wait(th, PTRACE_SYSCALL, is_syscall_stop);
	if (status < 0)
		return status;
	/* A syscall number GDB changed must survive the re-entry. */
	if ((int64_t)regs[8] != nr) {
		err = set_syscallno(th->tid, nr);
		if (err)
			return err;
	}
	return 0;
}

/* The real x7 at rt_sigreturn's exit: the one in the frame it restored. */
static void sigreturn_x7(struct target *t, struct thread *th)
{
	uint64_t x7;

	if (target_read_mem(t, th->proc, th->sr.frame_sp + ARM64_SIGFRAME_REGS +
			    7 * 8, &x7, sizeof(x7)) == sizeof(x7)) {
		th->sr.x7 = x7;
		th->sr.x7_known = true;
	}
}

void syscall_regs_on_report(struct target *t, struct thread *th)
{
	if (t->seed_abi)
		return;
	if (th->stop.entry) {
		if (!th->sr.x7_known)
			reenter(t, th, false, 0);
	} else if (th->stop.sysno == ARM64_NR_RT_SIGRETURN && th->sr.frame_sp) {
		sigreturn_x7(t, th);
	}
}

void syscall_regs_fill(struct target *t, struct thread *th)
{
	(void)t;
	/* At other stops orig_x7 keeps the value of the last syscall stop. */
	regs_set_gpr(th, ARM64_OFF_ORIG_X0, th->sr.orig_x0);
	regs_set_gpr(th, ARM64_OFF_ORIG_X7, th->sr.x7);
	/* Those two slots are ours, not the kernel's: nothing to write back. */
	th->rc.dirty[RS_GPR] = false;
}

/* Remember a write made at an exit stop, to apply before user mode. */
static void arm_fixup_x7(struct thread *th, uint64_t val)
{
	th->sr.fixup = true;
	th->sr.fixup_x7 = true;
	th->sr.fixup_x7_val = val;
}

static int write_stock(struct target *t, struct thread *th, unsigned int regno,
		       uint64_t val)
{
	struct sysregs *sr = &th->sr;
	int err;

	if (regno == ARM64_REG_ORIG_X0) {
		uint64_t x0 = regs_gpr(th, ARM64_OFF_X(0));

		if (at_syscall_stop(th) && !th->stop.entry && is_restart(x0) &&
		    !sr->fixup_x0) {
			sr->fixup = true;
			sr->fixup_x0 = true;
			sr->fixup_x0_old = sr->orig_x0;
			sr->fixup_pc = regs_gpr(th, ARM64_OFF_PC) - ARM64_SVC_LEN;
		}
		sr->orig_x0 = val;
		sr->fixup_x0_val = val;
		memcpy(th->rc.gpr + ARM64_OFF_ORIG_X0, &val, sizeof(val));
		return 0;
	}
	/* orig_x7, or x7 at a syscall stop: the task's x7 when it resumes. */
	if (!at_syscall_stop(th))
		return 0;	/* as the seed ABI: no effect elsewhere */
	if (th->stop.entry) {
		err = reenter(t, th, true, val);
		if (err)
			return err;
	} else {
		arm_fixup_x7(th, val);
		sr->x7 = val;
		sr->x7_known = true;
	}
	regs_invalidate(th);
	return 0;
}

int syscall_regs_write(struct target *t, struct thread *th, unsigned int regno,
		       const void *buf)
{
	uint64_t val;

	if (regno != ARM64_REG_ORIG_X0 && regno != ARM64_REG_ORIG_X7 &&
	    !(regno == ARM64_SYSCALL_MARKER_REG && at_syscall_stop(th)))
		return 1;
	memcpy(&val, buf, sizeof(val));
	if (t->seed_abi) {
		/*
		 * The kernel discards x7 writes at syscall stops; its orig_x7
		 * is what becomes x7, so send them there.
		 */
		if (regno == ARM64_SYSCALL_MARKER_REG) {
			regs_set_gpr(th, ARM64_OFF_ORIG_X7, val);
			return 0;
		}
		return 1;
	}
	return write_stock(t, th, regno, val);
}

int syscall_regs_before_resume(struct target *t, struct thread *th)
{
	struct sysregs *sr = &th->sr;
	int err;

	if (t->seed_abi || !at_syscall_stop(th))
		return 0;
	/* The exit of this call will be reported: its x7 must be known. */
	if (th->stop.entry && !sr->x7_known && target_catches(t, th->stop.sysno) &&
	    !th->step) {
		err = reenter(t, th, false, 0);
		if (err)
			return err;
	}
	if (sr->fixup && !th->stop.entry) {
		if (syscall(SYS_tgkill, th->proc->pid, th->tid, SIGSTOP))
			return -errno;
		sr->fixup_stops_pending++;
		sr->fixup = false;
		sr->fixup_armed = true;
	}
	return 0;
}

bool syscall_regs_on_signal_stop(struct target *t, struct thread *th)
{
	struct sysregs *sr = &th->sr;

	if (t->seed_abi)
		return false;
	if (sr->fixup_armed && !regset_fetch(t, th, RS_GPR)) {
		sr->fixup_armed = false;
		if (sr->fixup_x7)
			regs_set_gpr(th, ARM64_OFF_X(7), sr->fixup_x7_val);
		/* The kernel copied the old orig_x0 back for the restart. */
		if (sr->fixup_x0 && regs_gpr(th, ARM64_OFF_PC) == sr->fixup_pc &&
		    regs_gpr(th, ARM64_OFF_X(0)) == sr->fixup_x0_old)
			regs_set_gpr(th, ARM64_OFF_X(0), sr->fixup_x0_val);
		sr->fixup_x7 = false;
		sr->fixup_x0 = false;
	}
	if (th->stop.signo == SIGSTOP && sr->fixup_stops_pending > 0) {
		sr->fixup_stops_pending--;
		return true;
	}
	return false;
}
