// SPDX-License-Identifier: MIT
/*
 * Fuzz target: the receive state machine (packet.c), byte by byte as the
 * server feeds it, with its invariants checked at every event; then the
 * transmit side: every payload the receiver decoded, escaped and framed
 * again, must decode to itself.
 */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "packet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void roundtrip(const char *payload, size_t len)
{
	static char esc[2 * PKT_MAX + 8], framed[2 * PKT_MAX + 16];
	static struct pkt_rx rx;
	size_t consumed, elen;
	enum pkt_event ev = PKT_NONE;
	ssize_t flen;

	elen = pkt_escape(esc, sizeof(esc), payload, len, &consumed);
	fuzz_check(consumed == len, "pkt_escape consumed everything");
	flen = pkt_frame(framed, sizeof(framed), esc, elen);
	fuzz_check(flen == (ssize_t)elen + 4, "pkt_frame length");
	pkt_rx_init(&rx);
	for (ssize_t i = 0; i < flen; i++) {
		fuzz_check(ev == PKT_NONE, "one event, at the last byte");
		ev = pkt_rx_feed(&rx, (unsigned char)framed[i]);
	}
	fuzz_check(ev == PKT_PACKET, "a framed payload is a packet");
	fuzz_check(rx.len == len && !memcmp(rx.buf, payload, len),
		   "a framed payload decodes to itself");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pkt_rx rx;

	pkt_rx_init(&rx);
	for (size_t i = 0; i < size; i++) {
		enum pkt_event ev = pkt_rx_feed(&rx, data[i]);

		fuzz_check(rx.len <= PKT_MAX, "decoded length within PKT_MAX");
		switch (ev) {
		case PKT_PACKET:
			fuzz_check(rx.state == PKT_IDLE, "idle after a packet");
			fuzz_check(rx.buf[rx.len] == '\0', "NUL-terminated");
			roundtrip(rx.buf, rx.len);
			break;
		case PKT_ACK:
		case PKT_NAK:
		case PKT_INTERRUPT:
			fuzz_check(data[i] == (ev == PKT_ACK ? '+' :
					       ev == PKT_NAK ? '-' : 0x03),
				   "acks and ^C are their own bytes");
			break;
		default:
			break;
		}
	}
	return 0;
}
