/* SPDX-License-Identifier: MIT */
/* Hex encoding as the remote protocol uses it (lower case, two digits a byte). */
#ifndef A64STUB_HEX_H
#define A64STUB_HEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

extern const char hex_chars[16];

/* Returns: the value of hex digit @c, or -1. */
int hex_digit(int c);

/*
 * Encode @len bytes of @data into 2 * @len hex digits at @out (no NUL).
 * Returns: characters written, or -ENOSPC if @outlen is too small.
 */
ssize_t hex_encode(char *out, size_t outlen, const void *data, size_t len);

/*
 * Decode exactly 2 * @len hex digits from @in into @out.
 * Returns: 0, or -EINVAL on a non-hex digit.
 */
int hex_decode(void *out, const char *in, size_t len);

/*
 * Parse a hex number at *@p, advancing *@p past it.  At least one digit
 * and at most 16 are accepted.
 * Returns: 0, or -EINVAL.
 */
int hex_parse_u64(const char **p, uint64_t *val);

/* Parse @p entirely as a hex number (no trailing bytes). Returns: 0 or -EINVAL. */
int hex_parse_u64_all(const char *p, uint64_t *val);

/*
 * Encode @val as the minimal hex number (at least one digit).
 * Returns: characters written, or -ENOSPC.
 */
ssize_t hex_put_u64(char *out, size_t outlen, uint64_t val);

/*
 * Encode a little-endian register value of @size bytes (as 'g'/'p' want).
 * Returns: characters written, or -ENOSPC.
 */
ssize_t hex_put_le(char *out, size_t outlen, uint64_t val, size_t size);

#endif
