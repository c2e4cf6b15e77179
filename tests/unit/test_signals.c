// SPDX-License-Identifier: MIT
/* Signal numbers across the wire: Linux (arm64) <-> GDB's remote numbering. */
#include <signal.h>

#include "signals.h"
#include "tap.h"

int main(void)
{
	static const struct { int linux_sig, gdb; const char *name; } known[] = {
		{ SIGHUP, 1, "SIGHUP" }, { SIGINT, 2, "SIGINT" },
		{ SIGTRAP, 5, "SIGTRAP" }, { SIGABRT, 6, "SIGABRT" },
		{ SIGBUS, 10, "SIGBUS" }, { SIGKILL, 9, "SIGKILL" },
		{ SIGUSR1, 30, "SIGUSR1" }, { SIGSEGV, 11, "SIGSEGV" },
		{ SIGUSR2, 31, "SIGUSR2" }, { SIGALRM, 14, "SIGALRM" },
		{ SIGCHLD, 20, "SIGCHLD" }, { SIGCONT, 19, "SIGCONT" },
		{ SIGSTOP, 17, "SIGSTOP" }, { SIGTSTP, 18, "SIGTSTP" },
		{ SIGURG, 16, "SIGURG" }, { SIGIO, 23, "SIGIO" },
		{ SIGPWR, 32, "SIGPWR" }, { SIGSYS, 12, "SIGSYS" },
		{ 32, 77, "SIG32" }, { 33, 45, "SIG33" }, { 34, 46, "SIG34" },
		{ 63, 75, "SIG63" }, { 64, 78, "SIG64" },
	};
	struct tap t = { 0 };

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		tap_int(&t, sig_to_gdb(known[i].linux_sig), known[i].gdb,
			"%s is GDB signal %d", known[i].name, known[i].gdb);
		tap_int(&t, sig_from_gdb(known[i].gdb), known[i].linux_sig,
			"GDB signal %d is %s", known[i].gdb, known[i].name);
	}
	tap_int(&t, sig_to_gdb(0), 0, "no signal stays 0");
	tap_int(&t, sig_to_gdb(16), GDB_SIGNAL_UNKNOWN, "SIGSTKFLT has no GDB number");
	tap_int(&t, sig_from_gdb(7), -1, "GDB's SIGEMT has no Linux signal");
	tap_int(&t, sig_from_gdb(143), -1, "GDB's unknown signal maps to nothing");
	/* Every Linux signal but SIGSTKFLT survives the round trip. */
	int bad = 0;

	for (int s = 1; s <= 64; s++)
		if (s != 16 && sig_from_gdb(sig_to_gdb(s)) != s)
			bad = s;
	tap_int(&t, bad, 0, "signals 1-64 survive Linux -> GDB -> Linux");
	return tap_done(&t);
}
