// SPDX-License-Identifier: MIT
/*
 * stub/packet.c: the receive state machine, fed one byte at a time as a
 * transport would, and the transmit framing and escaping.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "packet.h"
#include "tap.h"

static const char *ev_name(enum pkt_event ev)
{
	static const char *const names[] = {
		[PKT_NONE] = "PKT_NONE",
		[PKT_PACKET] = "PKT_PACKET",
		[PKT_BAD_CSUM] = "PKT_BAD_CSUM",
		[PKT_TOO_LONG] = "PKT_TOO_LONG",
		[PKT_ACK] = "PKT_ACK",
		[PKT_NAK] = "PKT_NAK",
		[PKT_INTERRUPT] = "PKT_INTERRUPT",
	};

	if ((unsigned int)ev < sizeof(names) / sizeof(names[0]) && names[ev])
		return names[ev];
	return "(bad event)";
}

/* What feeding a run of bytes produced. */
struct fed {
	enum pkt_event ev;	/* the last event other than PKT_NONE */
	size_t events;		/* how many bytes completed an event */
	size_t pos;		/* index of the byte that completed ev */
};

static struct fed feed(struct pkt_rx *rx, const void *data, size_t len)
{
	const unsigned char *p = data;
	struct fed f = { PKT_NONE, 0, 0 };

	for (size_t i = 0; i < len; i++) {
		enum pkt_event ev = pkt_rx_feed(rx, p[i]);

		if (ev != PKT_NONE) {
			f.ev = ev;
			f.events++;
			f.pos = i;
		}
	}
	return f;
}

/*
 * Frame @len raw body bytes as they would travel ("$body#cs"), computing
 * the checksum here rather than with pkt_checksum() so the two are
 * checked against each other.
 */
static size_t wire(char *out, const char *body, size_t len)
{
	unsigned int sum = 0;

	out[0] = '$';
	for (size_t i = 0; i < len; i++) {
		out[1 + i] = body[i];
		sum += (unsigned char)body[i];
	}
	sprintf(out + 1 + len, "#%02x", sum & 0xff);
	return len + 4;
}

/*
 * Feed @raw (@rawlen bytes) and check that its last byte, and no other,
 * completes @exp; for PKT_PACKET also that the payload is @payload.
 */
static void expect(struct tap *t, struct pkt_rx *rx, const char *raw, size_t rawlen,
		   enum pkt_event exp, const char *payload, size_t plen,
		   const char *what)
{
	struct fed f = feed(rx, raw, rawlen);
	bool one = f.events == 1 && f.pos == rawlen - 1;

	tap_str(t, ev_name(f.ev), ev_name(exp), "%s: event", what);
	if (!tap_ok(t, one, "%s: one event, on the last byte", what))
		tap_diag("expected 1 event at byte %zu, got %zu, the last at byte %zu",
			 rawlen - 1, f.events, f.pos);
	if (exp == PKT_PACKET) {
		tap_mem(t, rx->buf, rx->len, payload, plen, "%s: payload", what);
		tap_int(t, rx->buf[rx->len], 0, "%s: payload NUL-terminated", what);
	}
}

/* expect() on a body we frame with a correct checksum. */
static void expect_body(struct tap *t, struct pkt_rx *rx, const char *body, size_t blen,
			enum pkt_event exp, const char *payload, size_t plen,
			const char *what)
{
	char raw[512];

	expect(t, rx, raw, wire(raw, body, blen), exp, payload, plen, what);
}

#define S(s)	s, sizeof(s) - 1	/* a literal and its length */

static void test_simple(struct tap *t, struct pkt_rx *rx)
{
	pkt_rx_init(rx);
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "simple packet");
	expect(t, rx, S("$#00"), PKT_PACKET, S(""), "empty packet");
	expect(t, rx, S("$OK#9A"), PKT_PACKET, S("OK"), "upper-case checksum digits");
	expect(t, rx, S("$\x03#03"), PKT_PACKET, S("\x03"),
	       "0x03 inside a packet is data, not an interrupt");
}

static void test_control(struct tap *t, struct pkt_rx *rx)
{
	pkt_rx_init(rx);
	expect(t, rx, S("+"), PKT_ACK, NULL, 0, "'+'");
	expect(t, rx, S("-"), PKT_NAK, NULL, 0, "'-'");
	expect(t, rx, S("\x03"), PKT_INTERRUPT, NULL, 0, "0x03 between packets");
	expect(t, rx, S("\r\nxyz#00}*\x7f\xff" "$OK#9a"), PKT_PACKET, S("OK"),
	       "line noise before a packet is ignored");
}

static void test_bad_csum(struct tap *t, struct pkt_rx *rx)
{
	struct fed f;

	pkt_rx_init(rx);
	expect(t, rx, S("$OK#9b"), PKT_BAD_CSUM, NULL, 0, "wrong checksum");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after a bad checksum");
	expect(t, rx, S("$OK#9g"), PKT_BAD_CSUM, NULL, 0, "non-hex second checksum digit");
	expect(t, rx, S("$OK#g"), PKT_BAD_CSUM, NULL, 0, "non-hex first checksum digit");
	f = feed(rx, S("a"));
	tap_str(t, ev_name(f.ev), "PKT_NONE",
		"the byte after a bad first checksum digit is noise");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after non-hex checksum");
}

static void test_escape_rx(struct tap *t, struct pkt_rx *rx)
{
	pkt_rx_init(rx);
	/* '}' 0x7d ^ 0x20 = ']', '#' 0x23 -> 0x03, '$' 0x24 -> 0x04, '*' 0x2a -> 0x0a */
	expect_body(t, rx, S("a}]b}\x03}\x04}\x0a"), PKT_PACKET, S("a}b#$*"),
		    "escaped '}', '#', '$', '*'");
	expect_body(t, rx, S("}]}]"), PKT_PACKET, S("}}"), "two escaped '}' in a row");
	expect_body(t, rx, S("}\x5f"), PKT_PACKET, S("\x7f"), "any byte may be escaped");
}

static void test_runlen(struct tap *t, struct pkt_rx *rx)
{
	char exp[128];

	pkt_rx_init(rx);
	expect_body(t, rx, S("0* "), PKT_PACKET, S("0000"),
		    "\"0* \" is four zeros (' ' = 32, 3 repeats)");
	expect_body(t, rx, S("ab* c"), PKT_PACKET, S("abbbbc"), "run in the middle");
	memset(exp, 'x', 98);
	expect_body(t, rx, S("x*~"), PKT_PACKET, exp, 98,
		    "\"x*~\" is 98 x ('~' = 126, 97 repeats)");
	memset(exp, '0', 20);
	expect_body(t, rx, S("0*,0* "), PKT_PACKET, exp, 20,
		    "two runs back to back (16 + 4)");
	expect_body(t, rx, S("}\x0a* "), PKT_PACKET, S("****"),
		    "a run repeats the decoded escaped byte");
	expect_body(t, rx, S("0*\x1f"), PKT_BAD_CSUM, NULL, 0,
		    "run count below 3 (0x1f) is rejected");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after a bad run count");
	expect_body(t, rx, S("0*\x7f"), PKT_BAD_CSUM, NULL, 0,
		    "run count above 126 (0x7f) is rejected");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after a bad run count");
	/* '$' = 36 would be 7 repeats; the protocol forbids it as a count. */
	expect_body(t, rx, S("g*$"), PKT_BAD_CSUM, NULL, 0,
		    "run count '$' is rejected");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after a '$' run count");
	/* raw "g*" sums to 0x67 + 0x2a = 0x91: right, but the run has no count */
	expect(t, rx, S("$g*#91"), PKT_BAD_CSUM, NULL, 0,
	       "run count '#' (a packet cut short after '*') is rejected");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after a '#' run count");
}

static void test_raw_csum(struct tap *t, struct pkt_rx *rx)
{
	pkt_rx_init(rx);
	/* raw "}]" sums to 0x7d + 0x5d = 0xda; the decoded "}" to 0x7d */
	expect(t, rx, S("$}]#da"), PKT_PACKET, S("}"), "checksum over the escaped bytes");
	expect(t, rx, S("$}]#7d"), PKT_BAD_CSUM, NULL, 0,
	       "checksum over the decoded bytes is wrong");
	/* raw "0* " sums to 0x30 + 0x2a + 0x20 = 0x7a; the decoded "0000" to 0xc0 */
	expect(t, rx, S("$0* #7a"), PKT_PACKET, S("0000"), "checksum over the run-length bytes");
	expect(t, rx, S("$0* #c0"), PKT_BAD_CSUM, NULL, 0,
	       "checksum over the expanded run is wrong");
}

static void test_restart(struct tap *t, struct pkt_rx *rx)
{
	pkt_rx_init(rx);
	expect(t, rx, S("$abc$OK#9a"), PKT_PACKET, S("OK"), "'$' in a packet restarts it");
	expect(t, rx, S("$a}]b* $OK#9a"), PKT_PACKET, S("OK"),
	       "'$' after escapes and runs restarts with a clean checksum");
}

static void test_too_long(struct tap *t, struct pkt_rx *rx)
{
	size_t n = PKT_MAX + 1;
	char *body = malloc(n + 8), *raw = malloc(n + 16);

	if (!body || !raw) {
		tap_ok(t, false, "malloc for the long packets");
		free(body);
		free(raw);
		return;
	}
	memset(body, 'a', n);
	pkt_rx_init(rx);
	expect(t, rx, raw, wire(raw, body, PKT_MAX), PKT_PACKET, body, PKT_MAX,
	       "a packet of exactly PKT_MAX bytes");
	expect(t, rx, raw, wire(raw, body, n), PKT_TOO_LONG, NULL, 0,
	       "a packet of PKT_MAX + 1 bytes");
	tap_ok(t, rx->len <= PKT_MAX, "the buffer was not overrun");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after an over-long one");

	/* PKT_MAX - 1 bytes, then a run of 97 more overflows. */
	memcpy(body + PKT_MAX - 1, "*~", 2);
	expect(t, rx, raw, wire(raw, body, PKT_MAX + 1), PKT_TOO_LONG, NULL, 0,
	       "a run that overflows PKT_MAX");
	expect(t, rx, S("$OK#9a"), PKT_PACKET, S("OK"), "good packet after an over-long run");

	memset(body, 'a', n);
	raw[0] = '$';
	memcpy(raw + 1, body, n);
	memcpy(raw + 1 + n, "#00", 3);
	expect(t, rx, raw, n + 4, PKT_BAD_CSUM, NULL, 0,
	       "an over-long packet with a bad checksum is a bad checksum");
	free(body);
	free(raw);
}

static void test_checksum(struct tap *t)
{
	tap_int(t, pkt_checksum("OK", 2), 0x9a, "pkt_checksum(\"OK\")");
	tap_int(t, pkt_checksum("", 0), 0, "pkt_checksum of nothing");
	tap_int(t, pkt_checksum("\xff\xff", 2), 0xfe, "pkt_checksum wraps modulo 256");
}

static void test_frame(struct tap *t)
{
	char out[16];
	ssize_t n;

	memset(out, 'X', sizeof(out));
	n = pkt_frame(out, sizeof(out), "OK", 2);
	tap_int(t, n, 6, "pkt_frame(\"OK\") length");
	tap_mem(t, out, 7, "$OK#9aX", 7, "pkt_frame(\"OK\") is \"$OK#9a\"");
	n = pkt_frame(out, 6, "OK", 2);
	tap_int(t, n, 6, "pkt_frame fits exactly in 6 bytes");
	tap_int(t, pkt_frame(out, 5, "OK", 2), -ENOSPC, "pkt_frame into 5 bytes is -ENOSPC");
	n = pkt_frame(out, sizeof(out), "", 0);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "$#00", 4, "pkt_frame of an empty payload");
	tap_int(t, pkt_frame(out, 3, "", 0), -ENOSPC, "empty payload into 3 bytes is -ENOSPC");
	n = pkt_frame(out, sizeof(out), "\xff\x80", 2);
	tap_mem(t, out, n < 0 ? 0 : (size_t)n, "$\xff\x80#7f", 6,
		"pkt_frame with bytes >= 0x80");
}

static void test_escape_tx(struct tap *t, struct pkt_rx *rx)
{
	unsigned char data[256];
	char esc[512], raw[600];
	size_t consumed = 999, n;

	for (int i = 0; i < 256; i++)
		data[i] = (unsigned char)i;
	n = pkt_escape(esc, sizeof(esc), data, sizeof(data), &consumed);
	tap_int(t, n, 260, "pkt_escape of 0..255 adds one byte for each of $ # } *");
	tap_int(t, consumed, 256, "pkt_escape consumed all 256 bytes");
	tap_ok(t, !memchr(esc, '$', n) && !memchr(esc, '#', n) && !memchr(esc, '*', n),
	       "no raw '$', '#' or '*' in the escaped data");
	pkt_rx_init(rx);
	expect(t, rx, raw, wire(raw, esc, n), PKT_PACKET, (const char *)data, 256,
	       "all 256 byte values survive escape, frame and receive");

	/* Runs of the special bytes must not turn into run-length. */
	memset(data, '*', 8);
	n = pkt_escape(esc, sizeof(esc), data, 8, &consumed);
	expect(t, rx, raw, wire(raw, esc, n), PKT_PACKET, "********", 8,
	       "eight '*' survive escape and receive");

	n = pkt_escape(esc, 2, "a$b", 3, &consumed);
	tap_int(t, n, 1, "pkt_escape into 2 bytes stops before the escape pair");
	tap_int(t, consumed, 1, "... and consumed 1 byte");
	n = pkt_escape(esc, 3, "a$b", 3, &consumed);
	tap_mem(t, esc, n, "a}\x04", 3, "pkt_escape into 3 bytes writes \"a}\\x04\"");
	tap_int(t, consumed, 2, "... and consumed 2 bytes");
	n = pkt_escape(esc, 4, "a$b", 3, &consumed);
	tap_mem(t, esc, n, "a}\x04" "b", 4, "pkt_escape into 4 bytes writes everything");
	tap_int(t, consumed, 3, "... and consumed 3 bytes");
	n = pkt_escape(esc, 0, "a", 1, &consumed);
	tap_ok(t, n == 0 && consumed == 0, "pkt_escape into 0 bytes writes and consumes nothing");
	n = pkt_escape(esc, 1, "}", 1, &consumed);
	tap_ok(t, n == 0 && consumed == 0, "pkt_escape never splits an escape pair");
}

int main(void)
{
	struct tap t = { 0 };
	struct pkt_rx *rx = malloc(sizeof(*rx));

	if (!rx) {
		perror("malloc");
		return 1;
	}
	test_simple(&t, rx);
	test_control(&t, rx);
	test_bad_csum(&t, rx);
	test_escape_rx(&t, rx);
	test_runlen(&t, rx);
	test_raw_csum(&t, rx);
	test_restart(&t, rx);
	test_too_long(&t, rx);
	test_checksum(&t);
	test_frame(&t);
	test_escape_tx(&t, rx);
	free(rx);
	return tap_done(&t);
}
