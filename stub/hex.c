// SPDX-License-Identifier: MIT
#include <errno.h>
#include <string.h>

#include "hex.h"

const char hex_chars[16] = "0123456789abcdef";

int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

ssize_t hex_encode(char *out, size_t outlen, const void *data, size_t len)
{
	const unsigned char *in = data;

	if (len > outlen / 2)
		return -ENOSPC;
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = hex_chars[in[i] >> 4];
		out[2 * i + 1] = hex_chars[in[i] & 0xf];
	}
	return (ssize_t)(2 * len);
}

int hex_decode(void *out, const char *in, size_t len)
{
	unsigned char *o = out;

	for (size_t i = 0; i < len; i++) {
		int hi = hex_digit((unsigned char)in[2 * i]);
		int lo = hi < 0 ? -1 : hex_digit((unsigned char)in[2 * i + 1]);

		if (lo < 0)
			return -EINVAL;
		o[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

int hex_parse_u64(const char **p, uint64_t *val)
{
	const char *s = *p;
	uint64_t v = 0;
	int n = 0, d;

	while ((d = hex_digit((unsigned char)*s)) >= 0) {
		if (++n > 16)
			return -EINVAL;
		v = v << 4 | (uint64_t)d;
		s++;
	}
	if (n == 0)
		return -EINVAL;
	*val = v;
	*p = s;
	return 0;
}

int hex_parse_u64_all(const char *p, uint64_t *val)
{
	if (hex_parse_u64(&p, val))
		return -EINVAL;
	return *p ? -EINVAL : 0;
}

ssize_t hex_put_u64(char *out, size_t outlen, uint64_t val)
{
	char tmp[16];
	size_t n = 0;

	do {
		tmp[n++] = hex_chars[val & 0xf];
		val >>= 4;
	} while (val);
	if (n > outlen)
		return -ENOSPC;
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return (ssize_t)n;
}

ssize_t hex_put_le(char *out, size_t outlen, uint64_t val, size_t size)
{
	unsigned char b[8];

	if (size > sizeof(b))
		return -EINVAL;
	for (size_t i = 0; i < size && i < 8; i++)
		b[i] = (unsigned char)(val >> (8 * i));
	return hex_encode(out, outlen, b, size);
}
