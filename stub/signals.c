// SPDX-License-Identifier: MIT
#include "signals.h"

/* Linux (asm-generic, as on arm64) signal -> GDB signal, for 1..31. */
static const unsigned char to_gdb[32] = {
	[1] = 1,	/* SIGHUP */
	[2] = 2,	/* SIGINT */
	[3] = 3,	/* SIGQUIT */
	[4] = 4,	/* SIGILL */
	[5] = 5,	/* SIGTRAP */
	[6] = 6,	/* SIGABRT */
	[7] = 10,	/* SIGBUS */
	[8] = 8,	/* SIGFPE */
	[9] = 9,	/* SIGKILL */
	[10] = 30,	/* SIGUSR1 */
	[11] = 11,	/* SIGSEGV */
	[12] = 31,	/* SIGUSR2 */
	[13] = 13,	/* SIGPIPE */
	[14] = 14,	/* SIGALRM */
	[15] = 15,	/* SIGTERM */
	[16] = 0,	/* SIGSTKFLT: GDB has no number for it */
	[17] = 20,	/* SIGCHLD */
	[18] = 19,	/* SIGCONT */
	[19] = 17,	/* SIGSTOP */
	[20] = 18,	/* SIGTSTP */
	[21] = 21,	/* SIGTTIN */
	[22] = 22,	/* SIGTTOU */
	[23] = 16,	/* SIGURG */
	[24] = 24,	/* SIGXCPU */
	[25] = 25,	/* SIGXFSZ */
	[26] = 26,	/* SIGVTALRM */
	[27] = 27,	/* SIGPROF */
	[28] = 28,	/* SIGWINCH */
	[29] = 23,	/* SIGIO */
	[30] = 32,	/* SIGPWR */
	[31] = 12,	/* SIGSYS */
};

/*
 * Real-time signals: GDB numbers SIG33..SIG63 as 45..75, then SIG32 as
 * 77 and SIG64 as 78 (added later, hence out of order).
 */
#define GDB_RT33	45
#define GDB_RT32	77
#define GDB_RT64	78

int sig_to_gdb(int sig)
{
	if (sig == 0)
		return 0;
	if (sig > 0 && sig < 32)
		return to_gdb[sig] ? to_gdb[sig] : GDB_SIGNAL_UNKNOWN;
	if (sig == 32)
		return GDB_RT32;
	if (sig >= 33 && sig <= 63)
		return GDB_RT33 + (sig - 33);
	if (sig == 64)
		return GDB_RT64;
	return GDB_SIGNAL_UNKNOWN;
}

int sig_from_gdb(int gsig)
{
	if (gsig == 0)
		return 0;
	for (int s = 1; s < 32; s++)
		if (to_gdb[s] == gsig)
			return s;
	if (gsig == GDB_RT32)
		return 32;
	if (gsig >= GDB_RT33 && gsig <= GDB_RT33 + 30)
		return 33 + (gsig - GDB_RT33);
	if (gsig == GDB_RT64)
		return 64;
	return -1;
}
