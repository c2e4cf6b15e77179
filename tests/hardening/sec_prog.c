// SPDX-License-Identifier: MIT
/*
 * The program of the security tests (tests/hardening/security.py and
 * sec_checks.c) in the guest.
 *   sec_prog          calls sec_mark(0x5ec) and exits with status 7: the
 *                     GDB sessions through a Unix socket and through [::1]
 *                     break there and check both
 *   sec_prog stdio    prints what looks like a stop reply, "$W00#b7", on
 *                     stdout, reads stdin, says on stderr what it read, and
 *                     exits with status 3: run by a stdio-mode stub (COMM
 *                     "-"), it must not reach the protocol stream
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Not inlined: GDB breaks here and reads the argument in x0. */
__attribute__((noinline)) int sec_mark(int v)
{
	__asm__ volatile("" : : "r"(v) : "memory");
	return v + 1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "stdio")) {
		char buf[64];
		ssize_t n;

		fputs("$W00#b7", stdout);
		fflush(stdout);
		n = read(STDIN_FILENO, buf, sizeof(buf));
		fprintf(stderr, "sec_prog: read %zd bytes from stdin\n", n);
		return 3;
	}
	return sec_mark(0x5ec) == 0x5ed ? 7 : 1;
}
