/*
 * Started through the guest's shell (startup-with-shell on): the shell
 * expanded the glob in the arguments before the program got them.
 */
int main(int argc, char **argv)
{
	(void)argv;
	return argc;
}
