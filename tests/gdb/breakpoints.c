/* Breakpoints with hit counts: bump() is called 5 times, main exits 15. */
int counter;

__attribute__((noinline)) int bump(int v)
{
	counter += v;
	return counter;
}

int main(void)
{
	for (int i = 1; i <= 5; i++)
		bump(i);
	return counter;
}
