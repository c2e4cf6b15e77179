// SPDX-License-Identifier: MIT
/*
 * Seed ABI selftest: orig_x7 in NT_PRSTATUS.
 *
 * The child issues system calls through an inline `svc #0` with a known
 * value in x7 and reports the x7 it has after each one. The tracer checks,
 * at the syscall-entry and -exit stops, that regs[7] holds the marker (0 at
 * entry, 1 at exit) and orig_x7 the child's real x7; that a write to
 * orig_x7 becomes the child's x7 and a write to regs[7] is discarded; and
 * that at a signal-delivery stop regs[7] is the real x7, orig_x7 keeps its
 * last value and a write to it is ignored. Skips on a kernel whose
 * NT_PRSTATUS is 272 bytes.
 */
#include "ktest.h"

#include <sys/syscall.h>

#define TAG	0xa64a0000ULL	/* x0 of getpid() round N is TAG + N */
#define MAGIC1	0x7777777777777777ULL
#define MAGIC2	0x2222222222222222ULL
#define MAGIC3	0x3333333333333333ULL
#define MAGIC4	0x4444444444444444ULL
#define NEW1	0x1111000011110000ULL
#define NEW2	0x2222000022220000ULL
#define NEW2B	0x2b2b00002b2b0000ULL
#define NEW3	0x3333000033330000ULL
#define NEW4	0x4444000044440000ULL

/* svc #0 with x8 = NR, x0/x1 = args, x7 = X7; returns the x7 it ends with. */
static uint64_t svc_x7(long nr, uint64_t a0, uint64_t a1, uint64_t x7_in)
{
	register uint64_t x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x7 __asm__("x7") = x7_in;

	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x7)
			 : "r"(x8), "r"(x1)
			 : "memory", "cc");
	return x7;
}

static void on_usr2(int sig)
{
	(void)sig;
}

static void child(int fd_res)
{
	uint64_t seen[4];
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr2;
	sigaction(SIGUSR2, &sa, NULL);
	ptrace(PTRACE_TRACEME, 0, NULL, NULL);
	raise(SIGSTOP);

	seen[0] = svc_x7(SYS_getpid, TAG + 1, 0, MAGIC1);
	seen[1] = svc_x7(SYS_getpid, TAG + 2, 0, MAGIC2);
	seen[2] = svc_x7(SYS_getpid, TAG + 3, 0, MAGIC3);
	seen[3] = svc_x7(SYS_kill, getpid(), SIGUSR2, MAGIC4);
	if (write(fd_res, seen, sizeof(seen)) != sizeof(seen))
		_exit(2);
	_exit(0);
}

#define X(v) ((unsigned long long)(v))

int main(void)
{
	uint64_t seen[4] = { 0 };
	struct seed_regs r;
	struct stop st;
	int res[2], status;
	size_t n;
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	require_seed_abi();
	tap_plan(17);

	if (pipe(res))
		bail("pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0)
		bail("fork: %s", strerror(errno));
	if (pid == 0) {
		close(res[0]);
		child(res[1]);
	}
	close(res[1]);
	attach_child(pid);

	/* Round 1: marker + real x7 at entry and exit; orig_x7 := NEW1. */
	run_to_entry(pid, SYS_getpid, TAG + 1, &st, NULL);
	get_regs(pid, &r);
	ok(r.regs[7] == 0, "round 1 entry stop: regs[7] is the entry marker 0 (%#llx)",
	   X(r.regs[7]));
	ok(r.orig_x7 == MAGIC1, "round 1 entry stop: orig_x7 is the real x7 %#llx (%#llx)",
	   X(MAGIC1), X(r.orig_x7));
	next_stop(pid, PTRACE_SYSCALL, 0, &st);
	get_regs(pid, &r);
	ok(st.op == PTRACE_SYSCALL_INFO_EXIT && r.regs[7] == 1,
	   "round 1 exit stop: regs[7] is the exit marker 1 (op %d, %#llx)",
	   st.op, X(r.regs[7]));
	ok(r.orig_x7 == MAGIC1, "round 1 exit stop: orig_x7 is the real x7 (%#llx)",
	   X(r.orig_x7));
	r.orig_x7 = NEW1;
	set_regs(pid, &r);
	get_regs(pid, &r);
	ok(r.orig_x7 == NEW1 && r.regs[7] == 1,
	   "round 1: orig_x7 := %#llx at the exit stop reads back (%#llx), regs[7] still 1",
	   X(NEW1), X(r.orig_x7));

	/* Round 2: writes to regs[7] (288- and 272-byte buffers) are discarded. */
	run_to_entry(pid, SYS_getpid, TAG + 2, &st, NULL);
	next_stop(pid, PTRACE_SYSCALL, 0, &st);
	get_regs(pid, &r);
	r.regs[7] = NEW2;
	set_regs(pid, &r);
	n = get_regs_size(pid, &r, OLD_REGS_SIZE);
	ok(n == OLD_REGS_SIZE && r.orig_x0 == 0 && r.orig_x7 == 0,
	   "a 272-byte GETREGSET (old tracer) gets 272 bytes (%zu) and nothing more", n);
	r.regs[7] = NEW2B;
	n = set_regs_size(pid, &r, OLD_REGS_SIZE);
	get_regs(pid, &r);
	ok(n == OLD_REGS_SIZE && r.orig_x7 == MAGIC2,
	   "a 272-byte SETREGSET is taken (%zu) and leaves orig_x7 alone (%#llx)",
	   n, X(r.orig_x7));

	/* Round 3: orig_x7 written at the entry stop is x7 during the call. */
	run_to_entry(pid, SYS_getpid, TAG + 3, &st, NULL);
	get_regs(pid, &r);
	ok(r.regs[7] == 0 && r.orig_x7 == MAGIC3,
	   "round 3 entry stop: regs[7] 0, orig_x7 %#llx (%#llx, %#llx)",
	   X(MAGIC3), X(r.regs[7]), X(r.orig_x7));
	r.orig_x7 = NEW3;
	r.regs[7] = 0x5555;
	set_regs(pid, &r);
	next_stop(pid, PTRACE_SYSCALL, 0, &st);
	get_regs(pid, &r);
	ok(st.op == PTRACE_SYSCALL_INFO_EXIT && r.regs[7] == 1 && r.orig_x7 == NEW3,
	   "round 3 exit stop: regs[7] 1, orig_x7 = the %#llx written at entry (%#llx)",
	   X(NEW3), X(r.orig_x7));

	/* Round 4: kill(self, SIGUSR2): a signal-delivery stop after the call. */
	run_to_entry(pid, SYS_kill, (uint64_t)pid, &st, NULL);
	next_stop(pid, PTRACE_SYSCALL, 0, &st);
	get_regs(pid, &r);
	ok(st.op == PTRACE_SYSCALL_INFO_EXIT && r.orig_x7 == MAGIC4,
	   "round 4 exit stop of kill(): orig_x7 %#llx (%#llx)", X(MAGIC4),
	   X(r.orig_x7));
	next_stop(pid, PTRACE_SYSCALL, 0, &st);
	if (st.sig != SIGUSR2)
		bail("expected the SIGUSR2 delivery stop, got stop %#x", st.sig);
	get_regs(pid, &r);
	ok(r.regs[7] == MAGIC4,
	   "SIGUSR2 delivery stop: regs[7] is the real x7, no marker (%#llx)",
	   X(r.regs[7]));
	ok(r.orig_x7 == MAGIC4,
	   "SIGUSR2 delivery stop: orig_x7 keeps its last value (%#llx)",
	   X(r.orig_x7));
	r.orig_x7 = NEW4;
	set_regs(pid, &r);
	get_regs(pid, &r);
	ok(r.orig_x7 == MAGIC4 && r.regs[7] == MAGIC4,
	   "a write to orig_x7 outside a syscall stop is ignored (%#llx)",
	   X(r.orig_x7));

	/* What the child saw. */
	status = detach_and_reap(pid, SIGUSR2);
	if (read(res[0], seen, sizeof(seen)) != sizeof(seen))
		diag("no result from the child");
	ok(seen[0] == NEW1, "round 1: the child's x7 is the orig_x7 written (%#llx)",
	   X(seen[0]));
	ok(seen[1] == MAGIC2,
	   "round 2: regs[7] writes were discarded, the child kept %#llx (%#llx)",
	   X(MAGIC2), X(seen[1]));
	ok(seen[2] == NEW3,
	   "round 3: the child's x7 is the orig_x7 written at entry (%#llx)",
	   X(seen[2]));
	ok(seen[3] == MAGIC4 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "round 4: the child kept its x7 %#llx (%#llx) and exited 0 (status %#x)",
	   X(MAGIC4), X(seen[3]), status);
	return tap_done();
}
