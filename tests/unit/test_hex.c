// SPDX-License-Identifier: MIT
/* stub/hex.c: the hex encodings of the remote protocol. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "hex.h"
#include "tap.h"

static void test_digit(struct tap *t)
{
	tap_int(t, hex_digit('0'), 0, "hex_digit('0')");
	tap_int(t, hex_digit('9'), 9, "hex_digit('9')");
	tap_int(t, hex_digit('a'), 10, "hex_digit('a')");
	tap_int(t, hex_digit('F'), 15, "hex_digit('F') upper case");
	tap_int(t, hex_digit('g'), -1, "hex_digit('g') rejected");
	tap_int(t, hex_digit('/'), -1, "hex_digit('/') rejected");
	tap_int(t, hex_digit(0xff), -1, "hex_digit(0xff) rejected");
}

static void test_encode(struct tap *t)
{
	static const unsigned char in[] = { 0x00, 0xab, 0xff, 0x10 };
	char out[16];
	ssize_t n;

	memset(out, 'X', sizeof(out));
	n = hex_encode(out, sizeof(out), in, sizeof(in));
	tap_int(t, n, 8, "hex_encode of 4 bytes writes 8 digits");
	tap_mem(t, out, 9, "00abff10X", 9,
		"hex_encode writes lower case and no NUL");
	tap_int(t, hex_encode(out, 8, in, sizeof(in)), 8,
		"hex_encode fits exactly in 8 bytes");
	tap_int(t, hex_encode(out, 7, in, sizeof(in)), -ENOSPC,
		"hex_encode into 7 bytes is -ENOSPC");
	tap_int(t, hex_encode(out, 0, in, 0), 0, "hex_encode of nothing");
}

static void test_decode(struct tap *t)
{
	static const unsigned char exp[] = { 0x00, 0xab, 0xff, 0x10 };
	unsigned char out[4] = { 0 };

	tap_int(t, hex_decode(out, "00abFF10", 4), 0, "hex_decode accepts mixed case");
	tap_mem(t, out, 4, exp, 4, "hex_decode bytes");
	tap_int(t, hex_decode(out, "0g", 1), -EINVAL, "hex_decode rejects 'g'");
	tap_int(t, hex_decode(out, "g0", 1), -EINVAL, "hex_decode rejects a bad high digit");
	tap_int(t, hex_decode(out, "a", 1), -EINVAL,
		"hex_decode rejects an odd digit count (stops at the NUL)");
}

static void test_parse(struct tap *t)
{
	const char *s, *p;
	uint64_t v;

	p = s = "ffffffffffffffff";
	v = 0;
	tap_int(t, hex_parse_u64(&p, &v), 0, "hex_parse_u64 takes 16 digits");
	tap_u64(t, v, UINT64_MAX, "16 f digits are UINT64_MAX");
	tap_int(t, p - s, 16, "hex_parse_u64 advances past 16 digits");

	p = s = "10000000000000000";
	v = 42;
	tap_int(t, hex_parse_u64(&p, &v), -EINVAL, "hex_parse_u64 rejects 17 digits");
	tap_ok(t, p == s && v == 42, "a rejected number leaves the pointer and value alone");

	p = s = "00000000000000001";
	tap_int(t, hex_parse_u64(&p, &v), -EINVAL,
		"hex_parse_u64 rejects 17 digits even with leading zeros");

	p = s = "";
	tap_int(t, hex_parse_u64(&p, &v), -EINVAL, "hex_parse_u64 rejects an empty string");
	p = s = ",1";
	tap_int(t, hex_parse_u64(&p, &v), -EINVAL, "hex_parse_u64 rejects no digits");

	p = s = "DeadBeef,20";
	tap_int(t, hex_parse_u64(&p, &v), 0, "hex_parse_u64 takes upper case");
	tap_u64(t, v, 0xdeadbeef, "DeadBeef value");
	tap_str(t, p, ",20", "hex_parse_u64 stops at the ','");

	tap_int(t, hex_parse_u64_all("12", &v), 0, "hex_parse_u64_all(\"12\")");
	tap_u64(t, v, 0x12, "hex_parse_u64_all value");
	tap_int(t, hex_parse_u64_all("12x", &v), -EINVAL,
		"hex_parse_u64_all rejects trailing junk");
	tap_int(t, hex_parse_u64_all("12 ", &v), -EINVAL,
		"hex_parse_u64_all rejects a trailing space");
	tap_int(t, hex_parse_u64_all("", &v), -EINVAL, "hex_parse_u64_all rejects \"\"");
	tap_int(t, hex_parse_u64_all("10000000000000000", &v), -EINVAL,
		"hex_parse_u64_all rejects 17 digits");
}

static void test_put(struct tap *t)
{
	char out[32];
	ssize_t n;

	memset(out, 'X', sizeof(out));
	n = hex_put_u64(out, sizeof(out), 0);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "0", 1, "hex_put_u64(0) is \"0\"");
	n = hex_put_u64(out, sizeof(out), 0xdeadbeef);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "deadbeef", 8, "hex_put_u64(0xdeadbeef)");
	n = hex_put_u64(out, sizeof(out), UINT64_MAX);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "ffffffffffffffff", 16,
		"hex_put_u64(UINT64_MAX)");
	n = hex_put_u64(out, sizeof(out), 0x100);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "100", 3, "hex_put_u64(0x100) keeps inner zeros");
	tap_int(t, hex_put_u64(out, 2, 0x100), -ENOSPC, "hex_put_u64 into 2 bytes is -ENOSPC");
	tap_int(t, hex_put_u64(out, 0, 0), -ENOSPC, "hex_put_u64 into 0 bytes is -ENOSPC");

	n = hex_put_le(out, sizeof(out), 0x0102030405060708ull, 8);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "0807060504030201", 16,
		"hex_put_le of 8 bytes is little-endian");
	n = hex_put_le(out, sizeof(out), 0x12345678, 4);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "78563412", 8, "hex_put_le of 4 bytes");
	n = hex_put_le(out, sizeof(out), 0xffffffff00000001ull, 4);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "01000000", 8,
		"hex_put_le of 4 bytes drops the high half");
	tap_int(t, hex_put_le(out, 7, 0, 4), -ENOSPC, "hex_put_le into 7 bytes is -ENOSPC");
}

int main(void)
{
	struct tap t = { 0 };

	test_digit(&t);
	test_encode(&t);
	test_decode(&t);
	test_parse(&t);
	test_put(&t);
	return tap_done(&t);
}
