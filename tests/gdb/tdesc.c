/* The target description: nothing to run but a first instruction. */
int main(void)
{
	return 0;
}
