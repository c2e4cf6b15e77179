/* SPDX-License-Identifier: MIT */
/*
 * A few helpers for TAP output ("ok N - what", "not ok N - what" and a
 * "# expected ..., got ..." line).  The plan "1..N" is printed last, so
 * a test that crashes half way has no plan and counts as failed.
 */
#ifndef A64STUB_TAP_H
#define A64STUB_TAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tap {
	unsigned int count;
	unsigned int failed;
};

/* Returns: @cond, after printing one result line described by @fmt. */
bool tap_ok(struct tap *t, bool cond, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Returns: whether @got == @exp (printed in decimal on failure). */
bool tap_int(struct tap *t, long long got, long long exp, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Returns: whether @got == @exp (printed in hex on failure). */
bool tap_u64(struct tap *t, uint64_t got, uint64_t exp, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Returns: whether strings @got and @exp are equal (either may be NULL). */
bool tap_str(struct tap *t, const char *got, const char *exp, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Returns: whether the byte ranges are equal (shown C-escaped on failure). */
bool tap_mem(struct tap *t, const void *got, size_t gotlen,
	     const void *exp, size_t explen, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Print a "# ..." diagnostic line. */
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the plan.  Returns: the exit status, 0 if every check passed. */
int tap_done(struct tap *t);

#endif
