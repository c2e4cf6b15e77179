/*
 * Syscalls that are in progress when GDB starts catching syscalls.
 *
 * Part 1: the main thread blocks in read() on the empty pipe A (an svc
 * with x7 = MAGIC_A).  A second thread waits until /proc says the main
 * thread sleeps in syscall 63 (read), calls main_blocked() (GDB has a
 * breakpoint there, so stopping every thread interrupts the read), then
 * writes MSG_A into pipe A and ends.
 *
 * Part 2: the main thread blocks in read() on the empty pipe C (x7 =
 * MAGIC_C); GDB interrupts it and continues it with SIGALRM, whose
 * handler (SA_RESTART) writes MSG_C into pipe C.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NR_READ		63
#define MAGIC_A		0x0a0a0a0a0a0a0a0aUL
#define MAGIC_C		0x0c0c0c0c0c0c0c0cUL
#define MSG_A		"hello A\n"	/* 8 bytes */
#define MSG_C		"hello from C\n"	/* 13 bytes */

int pipe_a[2], pipe_c[2];
int fd_a, fd_c;
long main_tid;
char buf_a[64], buf_c[64];
long ret_a, ret_c;
unsigned long x7_a, x7_c;
unsigned long last_x7;
volatile int alarms;

#include "svc3.h"

/* Is the main thread asleep in read()?  (/proc/TID/syscall: "63 ...") */
static int main_in_read(void)
{
	char path[64], line[128];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/task/%ld/syscall", main_tid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, line, sizeof(line) - 1);
	close(fd);
	return n > 3 && !strncmp(line, "63 ", 3);
}

__attribute__((noinline)) void main_blocked(void)
{
}

static void *helper(void *arg)
{
	(void)arg;
	while (!main_in_read())
		sched_yield();
	main_blocked();
	if (write(pipe_a[1], MSG_A, strlen(MSG_A)) < 0)
		return NULL;
	return NULL;
}

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
	if (write(pipe_c[1], MSG_C, strlen(MSG_C)) < 0)
		alarms = -100;
}

__attribute__((noinline)) void blocked_read_c(void)
{
	ret_c = svc3(NR_READ, fd_c, (long)buf_c, sizeof(buf_c) - 1, MAGIC_C);
	x7_c = last_x7;
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	struct sigaction sa;
	pthread_t th;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	if (pipe(pipe_a) || pipe(pipe_c) || sigaction(SIGALRM, &sa, NULL))
		return 2;
	fd_a = pipe_a[0];
	fd_c = pipe_c[0];
	main_tid = gettid();

	/* Part 1 */
	if (pthread_create(&th, NULL, helper, NULL))
		return 2;
	ret_a = svc3(NR_READ, fd_a, (long)buf_a, sizeof(buf_a) - 1, MAGIC_A);
	x7_a = last_x7;
	pthread_join(th, NULL);

	/* Part 2 */
	blocked_read_c();
	done();
	return 0;
}
