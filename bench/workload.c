// SPDX-License-Identifier: MIT
/*
 * The program every benchmark runs, the same under a64stub, gdbserver, the
 * bare tracer and untraced (see bench/bench.mk):
 *   workload getppid N   N getppid() calls, then exit 0 (workloads 1, 5, 7)
 *   workload bp N        N calls of bench_hit(), then exit 0 (workload 2)
 *   workload spin        bench_spin(): a loop long enough for stepi (3)
 *   workload heap MIB    MIB MiB of heap filled with bytes 0..255 repeated,
 *                        then bench_ready(buf) (workload 4)
 * Static, so the guest needs no libraries and every run starts alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

volatile unsigned long bench_sink;

/* GDB's breakpoint of workload 2. */
__attribute__((noinline)) void bench_hit(unsigned long i)
{
	bench_sink += i;
	__asm__ volatile("" ::: "memory");
}

/* GDB steps instructions in here (workload 3): no calls, no syscalls. */
__attribute__((noinline)) void bench_spin(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		bench_sink += i ^ (i >> 3);
}

/* GDB stops here and dumps the buffer (workload 4). */
__attribute__((noinline)) void bench_ready(unsigned char *buf, size_t len)
{
	bench_sink += buf[len - 1];
	__asm__ volatile("" ::: "memory");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	unsigned long n = argc > 2 ? strtoul(argv[2], NULL, 0) : 0, i;

	if (!strcmp(mode, "getppid")) {
		for (i = 0; i < n; i++)
			bench_sink += getppid();
	} else if (!strcmp(mode, "bp")) {
		for (i = 0; i < n; i++)
			bench_hit(i);
	} else if (!strcmp(mode, "spin")) {
		bench_spin(100000000);
	} else if (!strcmp(mode, "heap")) {
		size_t len = n << 20;
		unsigned char *buf = malloc(len);

		if (!buf) {
			perror("malloc");
			return 1;
		}
		for (i = 0; i < len; i++)
			buf[i] = i & 0xff;
		bench_ready(buf, len);
		free(buf);
	} else {
		fprintf(stderr, "usage: workload getppid|bp|spin|heap N\n");
		return 2;
	}
	return 0;
}
