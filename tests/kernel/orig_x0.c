// SPDX-License-Identifier: MIT
/*
 * Seed ABI selftest: orig_x0 in NT_PRSTATUS.
 *
 * The child blocks in read() on pipe A; a SIGUSR1 with an SA_RESTART
 * handler interrupts it. At the read's syscall-exit stop (x0 = -ERESTARTSYS)
 * the tracer sets orig_x0 to the read end of pipe B, which holds data; the
 * kernel restarts the read with x0 = orig_x0, so the child reads pipe B's
 * data. Skips on a kernel whose NT_PRSTATUS is 272 bytes.
 */
#include "ktest.h"

#include <fcntl.h>
#include <sys/syscall.h>

#define ERESTARTSYS	512
#define B_DATA		"from pipe B"

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void child(int fd_a, int fd_res)
{
	struct sigaction sa;
	char buf[64];
	ssize_t n;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	ptrace(PTRACE_TRACEME, 0, NULL, NULL);
	raise(SIGSTOP);

	n = read(fd_a, buf, sizeof(buf) - 1);	/* the tracer redirects it */
	if (n < 0)
		n = -errno;
	if (write(fd_res, &n, sizeof(n)) != sizeof(n))
		_exit(2);
	if (n > 0 && write(fd_res, buf, n) != n)
		_exit(2);
	_exit(handled == 1 ? 0 : 3);
}

/* Wait until the child sleeps (in the read). */
static void wait_sleeping(pid_t pid)
{
	char path[64], buf[256], *p;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (i = 0; i < 5000; i++) {
		FILE *f = fopen(path, "r");

		if (f) {
			p = fgets(buf, sizeof(buf), f);
			fclose(f);
			p = p ? strrchr(buf, ')') : NULL;
			if (p && p[1] == ' ' && p[2] == 'S')
				return;
		}
		usleep(1000);
	}
	bail("the child never went to sleep in read()");
}

int main(void)
{
	int a[2], b[2], res[2], status, pending = 0;
	struct seed_regs r;
	struct stop st;
	char buf[64];
	ssize_t n = 0;
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	require_seed_abi();
	tap_plan(10);

	if (pipe(a) || pipe(b) || pipe(res))
		bail("pipe: %s", strerror(errno));
	if (write(b[1], B_DATA, strlen(B_DATA)) != (ssize_t)strlen(B_DATA))
		bail("cannot fill pipe B");

	pid = fork();
	if (pid < 0)
		bail("fork: %s", strerror(errno));
	if (pid == 0) {
		close(res[0]);
		child(a[0], res[1]);
	}
	close(res[1]);
	attach_child(pid);

	/* 1: the read's entry stop: orig_x0 is the first argument. */
	run_to_entry(pid, SYS_read, a[0], &st, &pending);
	get_regs(pid, &r);
	ok(r.orig_x0 == (uint64_t)a[0] && r.regs[0] == (uint64_t)a[0],
	   "entry stop of read(A): orig_x0 = x0 = fd A (%d): orig_x0 %#llx x0 %#llx",
	   a[0], (unsigned long long)r.orig_x0, (unsigned long long)r.regs[0]);

	/* Let it block, then interrupt it. */
	if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0)
		bail("PTRACE_SYSCALL: %s", strerror(errno));
	wait_sleeping(pid);
	kill(pid, SIGUSR1);
	if (waitpid(pid, &status, 0) != pid || !WIFSTOPPED(status))
		bail("no stop after SIGUSR1 (status %#x)", status);
	get_regs(pid, &r);

	/* 2-3: the exit stop of the interrupted read. */
	ok(WSTOPSIG(status) == (SIGTRAP | 0x80) &&
	   (int64_t)r.regs[0] == -ERESTARTSYS,
	   "exit stop of the interrupted read: x0 = -ERESTARTSYS (stop %#x, x0 %lld)",
	   WSTOPSIG(status), (long long)r.regs[0]);
	ok(r.orig_x0 == (uint64_t)a[0],
	   "exit stop: orig_x0 still holds fd A (%#llx)",
	   (unsigned long long)r.orig_x0);

	/* 4: write orig_x0 = fd B; it reads back. */
	r.orig_x0 = b[0];
	set_regs(pid, &r);
	get_regs(pid, &r);
	ok(r.orig_x0 == (uint64_t)b[0] && (int64_t)r.regs[0] == -ERESTARTSYS,
	   "orig_x0 := fd B (%d) at the exit stop reads back (%#llx), x0 unchanged",
	   b[0], (unsigned long long)r.orig_x0);

	/* 5: the signal-delivery stop: the restart is prepared from orig_x0. */
	next_stop(pid, PTRACE_SYSCALL, 0, &st);
	get_regs(pid, &r);
	ok(st.sig == SIGUSR1 && r.regs[0] == (uint64_t)b[0],
	   "SIGUSR1 delivery stop: x0 = fd B, reloaded from orig_x0 (stop %d, x0 %#llx)",
	   st.sig, (unsigned long long)r.regs[0]);
	pending = st.sig == SIGUSR1 ? SIGUSR1 : 0;

	/* 6-7: the handler runs, the read is restarted on fd B. */
	run_to_entry(pid, SYS_read, b[0], &st, &pending);
	get_regs(pid, &r);
	ok(1, "the restarted read enters with x0 = fd B");
	ok(r.orig_x0 == (uint64_t)b[0],
	   "restarted read's entry stop: orig_x0 = fd B (%#llx)",
	   (unsigned long long)r.orig_x0);

	/* 8-10: the child read pipe B's data. */
	status = detach_and_reap(pid, 0);
	if (read(res[0], &n, sizeof(n)) != sizeof(n))
		n = -9999;
	memset(buf, 0, sizeof(buf));
	if (n > 0 && n < (ssize_t)sizeof(buf) && read(res[0], buf, n) != n)
		n = -9998;
	ok(n == (ssize_t)strlen(B_DATA), "the child's read returned %zd (want %zu)",
	   n, strlen(B_DATA));
	ok(n > 0 && strcmp(buf, B_DATA) == 0, "the child read \"%s\" (want \"%s\")",
	   buf, B_DATA);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "the SA_RESTART handler ran once and the child exited 0 (status %#x)",
	   status);
	return tap_done();
}
