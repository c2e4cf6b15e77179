/*
 * One syscall per case of syscall_write_pairs.gdb: `write(A, "x", 1)`
 * issued by an inline svc with x5 and x7 set to known values.  GDB writes
 * registers at its entry or its exit stop; afterwards the program records
 * what it really got (the witness): the x0, x5 and x7 it has after the
 * svc, how many bytes reached each of the pipes A, B and C (x0 and
 * orig_x0 name B and C when GDB writes them at an entry stop), and, when
 * the call returned a new descriptor (GDB made it dup(2)), which pipe
 * that descriptor is.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#define NR_WRITE	64
#define NCASES		80
#define X5_OWN		0x5050505050505050UL
#define X7_OWN		0x7070707070707070UL

struct witness {
	long ret;
	unsigned long x5, x7;
	int bytes[3];		/* in pipes A, B, C */
	int dup_of;		/* 1 + the pipe the returned fd is, or 0 */
};

int pipes[3][2];
struct witness w[NCASES];
int ncases;

/* The pipe (0..2) whose write end @fd is, or -1. */
static int which_pipe(int fd)
{
	struct stat a, b;

	if (fstat(fd, &a))
		return -1;
	for (int p = 0; p < 3; p++)
		if (!fstat(pipes[p][1], &b) && a.st_ino == b.st_ino)
			return p;
	return -1;
}

__attribute__((noinline)) void step(int i)
{
	register long x0 asm("x0") = pipes[0][1];
	register long x1 asm("x1") = (long)"x";
	register long x2 asm("x2") = 1;
	register unsigned long x5 asm("x5") = X5_OWN;
	register unsigned long x7 asm("x7") = X7_OWN;
	register long x8 asm("x8") = NR_WRITE;
	char drain[16];

	asm volatile("svc #0"
		     : "+r"(x0), "+r"(x5), "+r"(x7)
		     : "r"(x1), "r"(x2), "r"(x8)
		     : "memory");
	w[i].ret = x0;
	w[i].x5 = x5;
	w[i].x7 = x7;
	for (int p = 0; p < 3; p++) {
		if (ioctl(pipes[p][0], FIONREAD, &w[i].bytes[p]))
			w[i].bytes[p] = -1;
		if (w[i].bytes[p] > 0 && read(pipes[p][0], drain, sizeof(drain)) < 0)
			w[i].bytes[p] = -2;
	}
	if (w[i].ret > 2 && w[i].ret != pipes[0][1] && w[i].ret != pipes[1][1] &&
	    w[i].ret != pipes[2][1]) {
		w[i].dup_of = which_pipe((int)w[i].ret) + 1;
		close((int)w[i].ret);
	}
}

__attribute__((noinline)) void done(void)
{
}

int main(void)
{
	for (int p = 0; p < 3; p++)
		if (pipe(pipes[p]))
			return 2;
	for (int i = 0; i < ncases && i < NCASES; i++)
		step(i);
	done();
	return 0;
}
