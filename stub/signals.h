/* SPDX-License-Identifier: MIT */
/*
 * The remote protocol numbers signals GDB's way (include/gdb/signals.def
 * in GDB: SIGBUS is 10, SIGUSR1 30, SIGCHLD 20...), not Linux's.  Every
 * signal number crossing the wire goes through these.
 */
#ifndef A64STUB_SIGNALS_H
#define A64STUB_SIGNALS_H

#define GDB_SIGNAL_UNKNOWN 143

/* Returns: GDB's number for Linux signal @sig (GDB_SIGNAL_UNKNOWN if none). */
int sig_to_gdb(int sig);

/* Returns: the Linux signal for GDB's number @gsig, or -1 if none. */
int sig_from_gdb(int gsig);

#endif
