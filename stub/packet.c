// SPDX-License-Identifier: MIT
/*
 * Receive state machine and transmit framing for the remote protocol.
 *
 * Receive: one byte at a time, so it can be driven from any transport and
 * tested without sockets.  The body is decoded as it arrives: '}' escapes
 * (the next byte XOR 0x20) and '*' run-length encoding (the previous byte
 * repeated N - 29 more times, N being the next byte) are both undone here.
 * The checksum covers the raw bytes between '$' and '#'.
 */
#include <errno.h>
#include <string.h>

#include "packet.h"
#include "hex.h"

void pkt_rx_init(struct pkt_rx *rx)
{
	rx->state = PKT_IDLE;
	rx->sum = 0;
	rx->csum = 0;
	rx->overflow = false;
	rx->malformed = false;
	rx->len = 0;
	rx->buf[0] = '\0';
}

static void rx_put(struct pkt_rx *rx, char c)
{
	if (rx->len >= PKT_MAX) {
		rx->overflow = true;
		return;
	}
	rx->buf[rx->len++] = c;
}

static enum pkt_event rx_idle(struct pkt_rx *rx, unsigned char c)
{
	switch (c) {
	case '$':
		pkt_rx_init(rx);
		rx->state = PKT_BODY;
		return PKT_NONE;
	case '+':
		return PKT_ACK;
	case '-':
		return PKT_NAK;
	case 0x03:
		return PKT_INTERRUPT;
	default:
		/* Line noise between packets is ignored, as GDB does. */
		return PKT_NONE;
	}
}

enum pkt_event pkt_rx_feed(struct pkt_rx *rx, unsigned char c)
{
	int v;

	switch (rx->state) {
	case PKT_IDLE:
		return rx_idle(rx, c);
	case PKT_BODY:
		if (c == '#') {
			rx->state = PKT_CSUM1;
			return PKT_NONE;
		}
		if (c == '$') {
			/* A new packet started before this one ended: restart. */
			pkt_rx_init(rx);
			rx->state = PKT_BODY;
			return PKT_NONE;
		}
		rx->sum += c;
		if (c == '}')
			rx->state = PKT_ESCAPE;
		else if (c == '*' && rx->len > 0)
			rx->state = PKT_RUNLEN;
		else
			rx_put(rx, (char)c);
		return PKT_NONE;
	case PKT_ESCAPE:
		rx->sum += c;
		rx_put(rx, (char)(c ^ 0x20));
		rx->state = PKT_BODY;
		return PKT_NONE;
	case PKT_RUNLEN:
		if (c == '#') {
			/* A packet cut short after '*': malformed, but it ends. */
			rx->malformed = true;
			rx->state = PKT_CSUM1;
			return PKT_NONE;
		}
		rx->sum += c;
		/*
		 * The count byte is N + 29; the protocol forbids '#' and '$'
		 * as a count (GDB skips those run lengths), and counts below
		 * 3 make no sense.  Treat them as a malformed packet by
		 * forcing a checksum failure below.  '#' was handled above.
		 */
		if (c < 29 + 3 || c > 126 || c == '$') {
			rx->malformed = true;
		} else {
			char prev = rx->buf[rx->len - 1];

			for (int i = 0; i < c - 29; i++)
				rx_put(rx, prev);
		}
		rx->state = PKT_BODY;
		return PKT_NONE;
	case PKT_CSUM1:
		if (c == '$') {
			/* A new packet began where a checksum should be. */
			pkt_rx_init(rx);
			rx->state = PKT_BODY;
			return PKT_BAD_CSUM;
		}
		v = hex_digit(c);
		if (v < 0) {
			pkt_rx_init(rx);
			return PKT_BAD_CSUM;
		}
		rx->csum = (unsigned char)(v << 4);
		rx->state = PKT_CSUM2;
		return PKT_NONE;
	case PKT_CSUM2: {
		bool overflow = rx->overflow;

		if (c == '$') {
			pkt_rx_init(rx);
			rx->state = PKT_BODY;
			return PKT_BAD_CSUM;
		}
		v = hex_digit(c);
		rx->state = PKT_IDLE;
		rx->buf[rx->len] = '\0';
		if (v < 0 || rx->malformed ||
		    (unsigned char)(rx->csum | v) != rx->sum)
			return PKT_BAD_CSUM;
		return overflow ? PKT_TOO_LONG : PKT_PACKET;
	}
	}
	return PKT_NONE;
}

unsigned char pkt_checksum(const char *data, size_t len)
{
	unsigned char sum = 0;

	for (size_t i = 0; i < len; i++)
		sum += (unsigned char)data[i];
	return sum;
}

ssize_t pkt_frame(char *out, size_t outlen, const char *payload, size_t len)
{
	unsigned char sum;

	if (len + 4 > outlen)
		return -ENOSPC;
	out[0] = '$';
	memcpy(out + 1, payload, len);
	sum = pkt_checksum(payload, len);
	out[len + 1] = '#';
	out[len + 2] = hex_chars[sum >> 4];
	out[len + 3] = hex_chars[sum & 0xf];
	return (ssize_t)(len + 4);
}

static bool needs_escape(unsigned char c)
{
	return c == '$' || c == '#' || c == '}' || c == '*';
}

size_t pkt_escape(char *out, size_t outlen, const void *data, size_t len,
		  size_t *consumed)
{
	const unsigned char *in = data;
	size_t o = 0, i;

	for (i = 0; i < len; i++) {
		if (needs_escape(in[i])) {
			if (o + 2 > outlen)
				break;
			out[o++] = '}';
			out[o++] = (char)(in[i] ^ 0x20);
		} else {
			if (o + 1 > outlen)
				break;
			out[o++] = (char)in[i];
		}
	}
	*consumed = i;
	return o;
}
