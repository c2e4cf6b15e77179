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

bool syscall_regs_on_syscall_stop(struct target *t, struct thread *th)
{
	struct sysregs *sr = &th->sr;

	(void)t;
	if (!th->stop.entry)
		return true;
	sr->orig_x0 = th->stop.arg0;
	if (th->stop.sysno == ARM64_NR_RT_SIGRETURN)
		sr->frame_sp = th->stop.sp;
	/*
	 * The svc that restore_syscall() sent the thread back to: GDB heard
	 * of this entry before its inferior call, and x7 is the one restored.
	 */
	if (sr->reenter && th->stop.sysno == sr->reenter_nr &&
	    th->stop.pc == sr->reenter_pc) {
		sr->reenter = false;
		return false;
	}
	sr->reenter = false;
	sr->x7_known = false;
	return true;
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
 * At an entry stop: make the syscall a no-op (number -1) and single-step.
 * The kernel skips it and, stepping, raises its pseudo-step SIGTRAP at
 * the exit instead of an exit stop; there x7 is real and writable.
 * Returns: 0 at that stop (the register cache forgotten), or -errno.
 */
static int skip_and_step(struct thread *th)
{
	int err, status;

	err = set_syscallno(th->tid, -1);
	if (err)
		return err;
	regs_invalidate(th);
	if (ptrace(PTRACE_SINGLESTEP, th->tid, 0, 0))
		return -errno;
	status = own_wait(th, PTRACE_SINGLESTEP, is_pseudo_step);
	return status < 0 ? status : 0;
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
	bool sve = th->rc.valid[RS_SVE];
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
	err = gpr_io(th->tid, PTRACE_SETREGSET, regs);
	if (!err)
		err = skip_and_step(th);
	if (err)
		return err;

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
	/*
	 * That svc made the kernel drop the SVE state above the FP/SIMD
	 * registers again (fp_user_discard()/sve_user_discard() at every
	 * syscall entry): put back what GDB wrote at this stop.
	 */
	if (write && sve) {
		err = regs_store_again(t, th, RS_SVE);
		if (err)
			return err;
	}
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
	th->sr.snap_valid = true;
	th->sr.snap_entry = th->stop.entry;
	th->sr.snap_nr = th->stop.sysno;
	th->sr.snap_pc = th->stop.pc;
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
		/* Writes made before this one are flushed first: none is lost. */
		err = reenter(t, th, true, val);
		if (err)
			return err;
		regs_invalidate(th);
		return 0;
	}
	/*
	 * At an exit stop nothing reaches the kernel now: the cache keeps
	 * every other write made at this stop (x0, x5, the syscall number),
	 * and only orig_x7's slot, which is ours, shows the new value.
	 */
	arm_fixup_x7(th, val);
	sr->x7 = val;
	sr->x7_known = true;
	memcpy(th->rc.gpr + ARM64_OFF_ORIG_X7, &val, sizeof(val));
	return 0;
}

/*
 * At an entry stop orig_x0 is not yet the kernel's own: when the stop ends
 * the kernel copies x0 into it (syscall_trace_enter() on Debian's 6.1, as
 * upstream), on the stock and the seed kernel alike.  So there the two are
 * one register: a write to either is the syscall's first argument, and
 * both read x0.
 */
static bool orig_x0_is_x0(const struct thread *th)
{
	return at_syscall_stop(th) && th->stop.entry;
}

void syscall_regs_read(struct target *t, struct thread *th, unsigned int regno,
		       void *buf)
{
	(void)t;
	if (regno == ARM64_REG_ORIG_X0 && orig_x0_is_x0(th))
		memcpy(buf, th->rc.gpr + ARM64_OFF_X(0), sizeof(uint64_t));
}

int syscall_regs_write(struct target *t, struct thread *th, unsigned int regno,
		       const void *buf)
{
	uint64_t val = 0;

	/*
	 * At another stop, GDB writing back the syscall number of the last
	 * syscall stop it saw is GDB restoring registers saved there (after
	 * an inferior call): see restore_syscall().
	 */
	if (!at_syscall_stop(th) && th->sr.snap_valid) {
		if (regno == ARM64_REG_SYSCALLNO) {
			int32_t nr;

			memcpy(&nr, buf, sizeof(nr));
			th->sr.restore = nr == th->sr.snap_nr;
		} else if (regno == ARM64_REG_ORIG_X7) {
			memcpy(&th->sr.restore_x7, buf, sizeof(th->sr.restore_x7));
			th->sr.restore_x7_valid = true;
		}
	}
	if (regno != ARM64_REG_ORIG_X0 && regno != ARM64_REG_ORIG_X7 &&
	    !(regno == ARM64_SYSCALL_MARKER_REG && at_syscall_stop(th)))
		return 1;
	memcpy(&val, buf, sizeof(val));
	if (regno == ARM64_REG_ORIG_X0 && orig_x0_is_x0(th)) {
		regs_set_gpr(th, ARM64_OFF_X(0), val);
		memcpy(th->rc.gpr + ARM64_OFF_ORIG_X0, &val, sizeof(val));
		th->sr.orig_x0 = val;
		return 0;
	}
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

/*
 * GDB moved the pc at a syscall-entry stop: it is about to run code of
 * its own (an inferior call; GDB on x86 writes -1 to orig_rax for this,
 * GDB on arm64 knows nothing of it).  Resumed as it is, the kernel would
 * first run the syscall with GDB's new arguments.  Skip it instead and
 * single-step out of it: the pseudo-step stop comes before any user
 * instruction, at GDB's pc, with no syscall-exit stop to report.
 */
static int leave_syscall(struct target *t, struct thread *th)
{
	int err;

	err = regs_flush(t, th);
	if (!err)
		err = skip_and_step(th);
	if (err)
		return err;
	memset(&th->stop, 0, sizeof(th->stop));
	th->stop.kind = STOP_INTERRUPT;
	/* Re-arm single-stepping should GDB step next (see handle_stop()). */
	err = regset_fetch(t, th, RS_GPR);
	if (!err)
		th->rc.dirty[RS_GPR] = true;
	return err;
}

/* The real x7 GDB saved at the syscall stop it is now restoring. */
static uint64_t restored_x7(struct thread *th)
{
	return th->sr.restore_x7_valid ? th->sr.restore_x7 : th->sr.x7;
}

/*
 * GDB put back, at some other stop, the registers it had saved at a
 * syscall stop (an inferior call ended): pc after the svc, x0, the
 * syscall number, x7 as the 0/1 marker and orig_x7.  Make the program
 * go on as it would have from that stop: an entry runs its syscall (the
 * svc again), an exit interrupted for a restart restarts the way
 * do_signal() does when no handler runs (x0 from orig_x0, pc back to the
 * svc, restart_syscall for ERESTART_RESTARTBLOCK), and x7 gets its real
 * value back.  The syscall number goes back to -1, as outside a syscall.
 */
static int restore_syscall(struct target *t, struct thread *th)
{
	struct sysregs *sr = &th->sr;
	uint64_t pc, x0, orig_x0;
	int32_t none = -1;
	int err;

	sr->restore = false;
	err = regset_fetch(t, th, RS_GPR);
	if (!err)
		err = regset_fetch(t, th, RS_SYSCALL);
	if (err)
		return err;
	pc = regs_gpr(th, ARM64_OFF_PC);
	if (pc != sr->snap_pc)
		return 0;	/* GDB went somewhere else: leave it be */
	x0 = regs_gpr(th, ARM64_OFF_X(0));
	orig_x0 = regs_gpr(th, ARM64_OFF_ORIG_X0);
	sr->x7 = restored_x7(th);
	sr->x7_known = true;
	regs_set_gpr(th, ARM64_OFF_X(7), sr->x7);
	if (sr->snap_entry) {
		regs_set_gpr(th, ARM64_OFF_PC, pc - ARM64_SVC_LEN);
		sr->reenter = true;
		sr->reenter_nr = sr->snap_nr;
		sr->reenter_pc = pc;
	} else if (is_restart(x0)) {
		regs_set_gpr(th, ARM64_OFF_X(0), orig_x0);
		regs_set_gpr(th, ARM64_OFF_PC, pc - ARM64_SVC_LEN);
		if ((int64_t)x0 == -ERESTART_RESTARTBLOCK)
			regs_set_gpr(th, ARM64_OFF_X(8), ARM64_NR_RESTART_SYSCALL);
	}
	memcpy(th->rc.sysc, &none, sizeof(none));
	th->rc.dirty[RS_SYSCALL] = true;
	sr->snap_valid = false;
	sr->restore_x7_valid = false;
	return 0;
}

int syscall_regs_before_resume(struct target *t, struct thread *th)
{
	struct sysregs *sr = &th->sr;
	int err;

	if (!at_syscall_stop(th)) {
		if (sr->restore)
			return restore_syscall(t, th);
		return 0;
	}
	if (th->stop.entry && !regset_fetch(t, th, RS_GPR) &&
	    regs_gpr(th, ARM64_OFF_PC) != th->stop.pc)
		return leave_syscall(t, th);
	if (t->seed_abi)
		return 0;
	/*
	 * When an entry stop ends the kernel sets orig_x0 = x0, so that a
	 * first argument the tracer changed is the one a restart uses
	 * (syscall_trace_enter(), "keep orig_x0 in-sync with x0 on syscall
	 * entry", in Debian's 6.1 as upstream).
	 */
	if (th->stop.entry && !regset_fetch(t, th, RS_GPR))
		sr->orig_x0 = regs_gpr(th, ARM64_OFF_X(0));
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
