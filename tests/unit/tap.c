// SPDX-License-Identifier: MIT
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

static bool result(struct tap *t, bool cond, const char *fmt, va_list ap)
{
	t->count++;
	if (!cond)
		t->failed++;
	printf("%sok %u - ", cond ? "" : "not ", t->count);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

bool tap_ok(struct tap *t, bool cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result(t, cond, fmt, ap);
	va_end(ap);
	return cond;
}

void tap_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

bool tap_int(struct tap *t, long long got, long long exp, const char *fmt, ...)
{
	bool cond = got == exp;
	va_list ap;

	va_start(ap, fmt);
	result(t, cond, fmt, ap);
	va_end(ap);
	if (!cond)
		tap_diag("expected %lld, got %lld", exp, got);
	return cond;
}

bool tap_u64(struct tap *t, uint64_t got, uint64_t exp, const char *fmt, ...)
{
	bool cond = got == exp;
	va_list ap;

	va_start(ap, fmt);
	result(t, cond, fmt, ap);
	va_end(ap);
	if (!cond)
		tap_diag("expected 0x%" PRIx64 ", got 0x%" PRIx64, exp, got);
	return cond;
}

bool tap_str(struct tap *t, const char *got, const char *exp, const char *fmt, ...)
{
	bool cond = got && exp ? !strcmp(got, exp) : got == exp;
	va_list ap;

	va_start(ap, fmt);
	result(t, cond, fmt, ap);
	va_end(ap);
	if (!cond)
		tap_diag("expected \"%s\", got \"%s\"", exp ? exp : "(null)",
			 got ? got : "(null)");
	return cond;
}

/* Print @len bytes as a C string literal body, so binary data is readable. */
static void put_escaped(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '"' || p[i] == '\\')
			printf("\\%c", p[i]);
		else if (p[i] >= 0x20 && p[i] < 0x7f)
			putchar(p[i]);
		else
			printf("\\x%02x", p[i]);
	}
}

bool tap_mem(struct tap *t, const void *got, size_t gotlen,
	     const void *exp, size_t explen, const char *fmt, ...)
{
	bool cond = gotlen == explen && !memcmp(got, exp, explen);
	va_list ap;

	va_start(ap, fmt);
	result(t, cond, fmt, ap);
	va_end(ap);
	if (!cond) {
		fputs("# expected \"", stdout);
		put_escaped(exp, explen);
		printf("\" (%zu bytes), got \"", explen);
		put_escaped(got, gotlen);
		printf("\" (%zu bytes)\n", gotlen);
		fflush(stdout);
	}
	return cond;
}

int tap_done(struct tap *t)
{
	printf("1..%u\n", t->count);
	if (t->failed)
		tap_diag("%u of %u checks failed", t->failed, t->count);
	return t->failed ? 1 : 0;
}
