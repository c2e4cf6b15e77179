/* Two programs in one session: this one exits with 11. */
int main(void)
{
	return 11;
}
