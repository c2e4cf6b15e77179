/*
 * vfork: the child shares the parent's memory until it exits, so it sets
 * a global the parent then sees, and _exits with 21; the parent, which
 * the kernel held until then, exits with 1 + the child's status.
 */
#include <sys/wait.h>
#include <unistd.h>

int my_pid;
int child_pid;
int shared_mark;

__attribute__((noinline)) void parent_part(int pid)
{
	child_pid = pid;
}

int main(void)
{
	int status = 0;
	pid_t pid;

	my_pid = getpid();
	pid = vfork();
	if (pid == 0) {
		shared_mark = 7;	/* the parent's memory: vfork shares it */
		_exit(21);
	}
	parent_part(pid);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 2;
	return shared_mark == 7 ? 1 + WEXITSTATUS(status) : 3;
}
