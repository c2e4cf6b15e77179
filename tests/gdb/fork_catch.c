/*
 * fork: the child calls child_part() and exits with 33; the parent calls
 * parent_part(child's pid), waits for it and exits 0 if it got 33.
 * fork_follow_child.c and fork_both.c include this same program.
 */
#include <sys/wait.h>
#include <unistd.h>

int my_pid;
int child_pid;
int child_status = -1;

__attribute__((noinline)) int child_part(void)
{
	my_pid = getpid();
	return 33;
}

__attribute__((noinline)) void parent_part(int pid)
{
	(void)pid;
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) void parent_done(void)
{
	__asm__ volatile("" ::: "memory");
}

int main(void)
{
	int pid, status;

	my_pid = getpid();
	pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0)
		_exit(child_part());
	child_pid = pid;
	parent_part(pid);
	if (waitpid(pid, &status, 0) != pid)
		return 3;
	child_status = WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
	parent_done();
	return child_status == 33 ? 0 : 1;
}
