/*
 * Started by the guest's second stub as
 *	a64stub :1235 /extra/remote_cmdline "first arg" 2
 * (tests/gdb/autostart.c).  Exits with argc * 10 + strlen(argv[1]).
 */
#include <string.h>

int args_count;

__attribute__((noinline)) void seen(int argc)
{
	args_count = argc;
}

int main(int argc, char **argv)
{
	seen(argc);
	return argc * 10 + (argc > 1 ? (int)strlen(argv[1]) : 0);
}
