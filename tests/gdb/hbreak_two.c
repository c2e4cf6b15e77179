/*
 * Two hardware breakpoints: hb_first() and hb_second() are each called
 * twice, alternating, so that every slot in the stub's list is hit.
 */
long sink;

__attribute__((noinline)) void hb_first(int i)
{
	sink += i;
}

__attribute__((noinline)) void hb_second(int i)
{
	sink += 2 * i;
}

int main(void)
{
	for (int i = 0; i < 2; i++) {
		hb_first(i);
		hb_second(i);
	}
	return (int)sink;
}
