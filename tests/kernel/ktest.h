// SPDX-License-Identifier: MIT
/*
 * Shared helpers of the seed-ABI selftests (tests/kernel/NAME.c): TAP output,
 * NT_PRSTATUS access with the seed's 288-byte layout, and a ptrace loop
 * that runs a child to the stop a test wants.
 *
 * TAP: the plan comes first ("1..N"); a kernel without the seed ABI gives
 * "1..0 # SKIP NT_PRSTATUS is 272 bytes (no seed ABI)"; anything that makes
 * the rest meaningless ends with "Bail out! ..." and exit status 1.
 */
#ifndef KTEST_H
#define KTEST_H

#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef NT_ARM_SYSTEM_CALL
#define NT_ARM_SYSTEM_CALL 0x404
#endif

/* NT_PRSTATUS with the seed ABI: user_pt_regs + orig_x0 + orig_x7. */
struct seed_regs {
	uint64_t regs[31];
	uint64_t sp;
	uint64_t pc;
	uint64_t pstate;
	uint64_t orig_x0;
	uint64_t orig_x7;
};
#define OLD_REGS_SIZE	272	/* x0..x30, sp, pc, pstate */
#define SEED_REGS_SIZE	288
_Static_assert(sizeof(struct seed_regs) == SEED_REGS_SIZE, "seed layout");

#define SKIP_REASON "NT_PRSTATUS is 272 bytes (no seed ABI)"

static int tap_n, tap_failed;

static void tap_plan(int n)
{
	printf("1..%d\n", n);
	fflush(stdout);
}

static void __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!cond)
		tap_failed++;
}

static void __attribute__((format(printf, 1, 2), noreturn))
bail(const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	exit(1);
}

static void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static void diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static int tap_done(void)
{
	return tap_failed ? 1 : 0;
}

/* PTRACE_GETREGSET NT_PRSTATUS with a SIZE-byte buffer; returns iov_len. */
static size_t get_regs_size(pid_t pid, struct seed_regs *r, size_t size)
{
	struct iovec iov = { .iov_base = r, .iov_len = size };

	memset(r, 0, sizeof(*r));
	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		bail("PTRACE_GETREGSET NT_PRSTATUS: %s", strerror(errno));
	return iov.iov_len;
}

static void get_regs(pid_t pid, struct seed_regs *r)
{
	size_t n = get_regs_size(pid, r, sizeof(*r));

	if (n != sizeof(*r))
		bail("NT_PRSTATUS returned %zu bytes, not %zu", n, sizeof(*r));
}

/* PTRACE_SETREGSET NT_PRSTATUS with SIZE bytes; returns iov_len. */
static size_t set_regs_size(pid_t pid, struct seed_regs *r, size_t size)
{
	struct iovec iov = { .iov_base = r, .iov_len = size };

	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0)
		bail("PTRACE_SETREGSET NT_PRSTATUS: %s", strerror(errno));
	return iov.iov_len;
}

static void set_regs(pid_t pid, struct seed_regs *r)
{
	size_t n = set_regs_size(pid, r, sizeof(*r));

	if (n != sizeof(*r))
		bail("PTRACE_SETREGSET took %zu bytes, not %zu", n, sizeof(*r));
}

/*
 * The size of NT_PRSTATUS on this kernel: a child stops itself, we read
 * its registers with a 288-byte buffer and look at iov_len. 272 (no seed
 * ABI) ends the test with a skip plan.
 */
static void require_seed_abi(void)
{
	struct seed_regs r;
	size_t n;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		bail("fork: %s", strerror(errno));
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status))
		bail("probe child did not stop (status %#x)", status);
	n = get_regs_size(pid, &r, sizeof(r));
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	if (n == OLD_REGS_SIZE) {
		printf("1..0 # SKIP " SKIP_REASON "\n");
		exit(0);
	}
	if (n != SEED_REGS_SIZE)
		bail("NT_PRSTATUS is %zu bytes (expected %d or %d)", n,
		     OLD_REGS_SIZE, SEED_REGS_SIZE);
}

/* A stop of the traced child. */
struct stop {
	int status;
	int sig;		/* WSTOPSIG; SIGTRAP|0x80 at syscall stops */
	int op;			/* PTRACE_SYSCALL_INFO_* at syscall stops */
	long nr;		/* syscall number at entry stops */
	uint64_t arg0;		/* first argument at entry stops */
	long rval;		/* return value at exit stops */
};

static int syscall_no(pid_t pid)
{
	int nr = -1;
	struct iovec iov = { .iov_base = &nr, .iov_len = sizeof(nr) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_ARM_SYSTEM_CALL, &iov) < 0)
		bail("PTRACE_GETREGSET NT_ARM_SYSTEM_CALL: %s", strerror(errno));
	return nr;
}

/*
 * Resume the child with REQ (PTRACE_SYSCALL, PTRACE_CONT) delivering SIG,
 * and wait for its next stop. Bails out if it exits.
 */
static void next_stop(pid_t pid, int req, int sig, struct stop *st)
{
	struct __ptrace_syscall_info info;

	if (ptrace(req, pid, NULL, (void *)(long)sig) < 0)
		bail("ptrace resume: %s", strerror(errno));
	if (waitpid(pid, &st->status, 0) != pid)
		bail("waitpid: %s", strerror(errno));
	if (!WIFSTOPPED(st->status))
		bail("child ended unexpectedly (status %#x)", st->status);
	st->sig = WSTOPSIG(st->status);
	st->op = PTRACE_SYSCALL_INFO_NONE;
	st->nr = -1;
	st->arg0 = 0;
	st->rval = 0;
	if (st->sig != (SIGTRAP | 0x80))
		return;
	if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof(info), &info) < 0)
		bail("PTRACE_GET_SYSCALL_INFO: %s", strerror(errno));
	st->op = info.op;
	if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
		st->nr = info.entry.nr;
		st->arg0 = info.entry.args[0];
	} else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
		st->rval = info.exit.rval;
		st->nr = syscall_no(pid);
	}
}

/*
 * Run the child from its current stop (delivering *PENDING, if any) with
 * PTRACE_SYSCALL to the entry stop of syscall NR whose first argument is
 * ARG0. Signal-delivery stops met on the way are passed on.
 */
static void run_to_entry(pid_t pid, long nr, uint64_t arg0, struct stop *st,
			 int *pending)
{
	int sig = pending ? *pending : 0;

	if (pending)
		*pending = 0;
	for (;;) {
		next_stop(pid, PTRACE_SYSCALL, sig, st);
		sig = 0;
		if (st->op == PTRACE_SYSCALL_INFO_ENTRY && st->nr == nr &&
		    st->arg0 == arg0)
			return;
		if (st->sig != (SIGTRAP | 0x80))
			sig = st->sig;
	}
}

/* The child's first stop: after PTRACE_TRACEME + raise(SIGSTOP). */
static void attach_child(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status) ||
	    WSTOPSIG(status) != SIGSTOP)
		bail("child did not stop (status %#x)", status);
	if (ptrace(PTRACE_SETOPTIONS, pid, NULL,
		   (void *)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)) < 0)
		bail("PTRACE_SETOPTIONS: %s", strerror(errno));
}

/* Let the child run to its end untraced; returns its wait status. */
static int detach_and_reap(pid_t pid, int sig)
{
	int status;

	if (ptrace(PTRACE_DETACH, pid, NULL, (void *)(long)sig) < 0)
		bail("PTRACE_DETACH: %s", strerror(errno));
	if (waitpid(pid, &status, 0) != pid)
		bail("waitpid: %s", strerror(errno));
	return status;
}

#endif
