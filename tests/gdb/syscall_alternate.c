/*
 * Many syscalls in a row, for checking that every stop is labelled by what
 * the kernel says (entry, return, entry, ...) and never by a toggle.
 * Loop 1: N1 getppid calls, call i with x0 = i and x7 = BASE + i.
 * Loop 2: N2 times a getpid (x7 = OTHER) then a getppid (x0 = i,
 * x7 = BASE + i): with `catch syscall getppid` only the getppid stops show.
 */
#define NR_GETPID	172
#define NR_GETPPID	173
#define BASE		0x7a7a000000000000UL
#define OTHER		0x5a5a5a5a5a5a5a5aUL

int n1 = 500, n2 = 100;
long bad;		/* syscalls whose x7 came back wrong */

static long svc1(long nr, long a0, unsigned long magic)
{
	register long x0 asm("x0") = a0;
	register unsigned long x7 asm("x7") = magic;
	register long x8 asm("x8") = nr;
	unsigned long after;

	asm volatile("svc #0\n\tmov %[after], x7"
		     : "+r"(x0), [after] "=r"(after)
		     : "r"(x7), "r"(x8)
		     : "memory");
	if (after != magic)
		bad++;
	return x0;
}

__attribute__((noinline)) void loop1(void)
{
	for (long i = 0; i < n1; i++)
		svc1(NR_GETPPID, i, BASE + i);
}

__attribute__((noinline)) void loop2(void)
{
	for (long i = 0; i < n2; i++) {
		svc1(NR_GETPID, i, OTHER);
		svc1(NR_GETPPID, i, BASE + i);
	}
}

__attribute__((noinline)) void between(void)
{
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	loop1();
	between();
	loop2();
	done();
	return 0;
}
