/*
 * A dynamically linked PIE program (built without -static, see gdb.mk):
 * it writes a line through libc's write() and exits with 7.
 */
#include <unistd.h>

int dyn_global = 0x5a5a;

int main(void)
{
	if (write(1, "dyn_basic\n", 10) != 10)	/* L:write */
		return 1;
	return dyn_global == 0x5a5a ? 7 : 2;
}
