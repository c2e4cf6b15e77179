/* The program exec_catch execs: exits with argc * 10 + 1 if its
 * arguments are right. */
#include <string.h>

int main(int argc, char **argv)
{
	return argc * 10 + (argc == 3 && !strcmp(argv[1], "from") &&
			    !strcmp(argv[2], "exec_catch"));
}
