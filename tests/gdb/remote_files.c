/*
 * Remote files.  The program writes GUEST_FILE (a known text) for GDB to
 * `remote get`, then stops in main's breakpoints for GDB to `remote put`
 * PUT_FILE: check_put() sums what arrived, check_gone() sees whether it
 * has been deleted.  self_addr lets GDB compare its idea of &some_global
 * with the program's own.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GUEST_FILE "/tmp/a64stub-from-guest"
#define PUT_FILE "/tmp/a64stub-put"

long some_global = 0x600d;
void *self_addr;
long put_size = -1;
unsigned long put_sum;	/* sum of (byte * (offset + 1)) */
int gone_errno = -1;

__attribute__((noinline)) void check_put(void)
{
	unsigned char buf[4096];
	long n, off = 0;
	int fd = open(PUT_FILE, O_RDONLY);

	if (fd < 0)
		return;
	put_sum = 0;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (long i = 0; i < n; i++, off++)
			put_sum += (unsigned long)buf[i] * (off + 1);
	put_size = off;
	close(fd);
}

__attribute__((noinline)) void check_gone(void)
{
	struct stat st;

	gone_errno = stat(PUT_FILE, &st) ? errno : 0;
}

int main(void)
{
	FILE *f = fopen(GUEST_FILE, "w");

	self_addr = &some_global;
	if (!f)
		return 2;
	for (int i = 0; i < 1000; i++)
		fprintf(f, "line %d of the guest's file\n", i);
	fclose(f);
	check_put();
	check_gone();
	return 0;
}
