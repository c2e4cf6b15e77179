/*
 * The second program of two_programs.gdb: shows GDB its arguments in
 * main, and exits with 20 + argc.
 */
int main(int argc, char **argv)
{
	(void)argv;
	return 20 + argc;	/* L:b_main */
}
