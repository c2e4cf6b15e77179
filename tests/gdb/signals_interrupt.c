/*
 * Interrupting a program with threads: "spinner" loops in user mode
 * until GDB sets stop_spin, then writes a byte into the pipe that
 * "reader" is blocked reading; main waits in pthread_join.  The byte must
 * arrive after the interrupts (the read is restarted, not lost).  The
 * spinner starts spinning only once the reader is blocked in read (seen
 * in /proc, no sleeping).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int pfd[2];
volatile int stop_spin;
volatile int spinning;
char got;
long nread = -99;
volatile long reader_tid;

/* The thread is blocked in read(pfd[0]): /proc says "63 <fd> ...". */
static int reader_blocked(void)
{
	char path[64], buf[128], want[32];
	FILE *f;
	int ok = 0;

	snprintf(path, sizeof(path), "/proc/self/task/%ld/syscall", reader_tid);
	snprintf(want, sizeof(want), "63 0x%x ", pfd[0]);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fgets(buf, sizeof(buf), f))
		ok = !strncmp(buf, want, strlen(want));
	fclose(f);
	return ok;
}

__attribute__((noinline)) void spin(void)
{
	spinning = 1;
	while (!stop_spin)
		;
}

static void *spinner(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "spinner");
	while (!reader_tid || !reader_blocked())
		sched_yield();
	spin();
	if (write(pfd[1], "z", 1) != 1)
		return NULL;
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "reader");
	reader_tid = gettid();
	nread = read(pfd[0], &got, 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	if (pipe(pfd))
		return 2;
	if (pthread_create(&a, NULL, reader, NULL) ||
	    pthread_create(&b, NULL, spinner, NULL))
		return 3;
	pthread_join(b, NULL);
	pthread_join(a, NULL);
	return nread == 1 && got == 'z' ? 0 : 1;
}
