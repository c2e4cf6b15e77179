/*
 * More hardware points than the cortex-a57 has slots (4 watchpoints, 6
 * breakpoints): GDB watches five 8-byte-aligned globals, then puts hbreak
 * on seven functions; each time resuming must fail with a clear error and
 * leave the program where it was.  With four watchpoints (six hbreaks)
 * the program runs and every hit is reported.
 */
long g1 __attribute__((aligned(8)));
long g2 __attribute__((aligned(8)));
long g3 __attribute__((aligned(8)));
long g4 __attribute__((aligned(8)));
long g5 __attribute__((aligned(8)));
int calls;

#define FN(n) __attribute__((noinline)) void f##n(void) { calls++; }
FN(1) FN(2) FN(3) FN(4) FN(5) FN(6) FN(7)

int main(void)
{
	g1 = 1;		/* L:g1 */
	g2 = 2;
	g3 = 3;
	g4 = 4;
	g5 = 5;
	f1();		/* L:calls */
	f2();
	f3();
	f4();
	f5();
	f6();
	f7();
	return (int)(g1 + g2 + g3 + g4 + g5) + calls;
}
