/*
 * Hardware breakpoints and watchpoints: hw_target() is called 4 times;
 * w_write is written three times, w_read read twice, w_access written
 * then read.  Each global is 8-byte aligned (a watchpoint slot covers an
 * aligned doubleword).
 */
long w_write __attribute__((aligned(8)));
long w_read __attribute__((aligned(8))) = 7;
long w_access __attribute__((aligned(8)));
long sink;

__attribute__((noinline)) void hw_target(int i)
{
	sink += i;
}

int main(void)
{
	for (int i = 0; i < 4; i++)
		hw_target(i);
	w_write = 1;		/* L:write1 */
	w_write = 5;		/* L:write2 */
	w_write += 10;		/* L:write3 */
	sink += w_read;		/* L:read1 */
	sink += w_read * 2;	/* L:read2 */
	w_access = 3;		/* L:access_w */
	sink += w_access;	/* L:access_r */
	return (int)sink;	/* L:end */
}
