/*
 * Stepping: stepi through a known instruction sequence (stepseq) and over
 * a system call (stepsvc: getpid), next over and step into calls, finish
 * with a return value, backtraces.
 */
#include <unistd.h>

int total;
int my_pid;

long stepseq(void);
long stepsvc(void);

__asm__(
"	.text\n"
"	.globl	stepseq\n"
"	.type	stepseq, %function\n"
"stepseq:\n"
"	mov	x0, #5\n"
"	add	x0, x0, #10\n"
"	lsl	x0, x0, #2\n"
"	b	1f\n"
"	mov	x0, #0\n"		/* skipped by the branch */
"	mov	x0, #1\n"
"1:	sub	x0, x0, #3\n"
"	ret\n"
"	.size	stepseq, . - stepseq\n"
"\n"
"	.globl	stepsvc\n"
"	.type	stepsvc, %function\n"
"stepsvc:\n"
"	mov	x8, #172\n"		/* __NR_getpid */
"	svc	#0\n"
"	add	x0, x0, #1\n"
"	ret\n"
"	.size	stepsvc, . - stepsvc\n"
);

__attribute__((noinline)) int add3(int a)
{
	int r = a + 3;		/* L:add3_body */

	return r;
}

__attribute__((noinline)) int middle(int x)
{
	int y = add3(x);	/* L:middle_call */

	return y * 2;
}

int main(void)
{
	long s;

	my_pid = getpid();
	if (stepsvc() != my_pid + 1)
		return 1;
	s = stepseq();		/* L:main_stepseq */

	total = (int)s;		/* L:main_total */
	total += middle(1);	/* L:main_middle */
	total += middle(10);	/* L:main_middle2 */
	return total;		/* L:main_return */
}
