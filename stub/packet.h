/* SPDX-License-Identifier: MIT */
/*
 * GDB remote serial protocol framing: the only code that knows about
 * '$', '#', '}', '*', acks and checksums (GDB manual, "Overview" and
 * "Packets" in the Remote Protocol appendix).  Handlers see decoded
 * payloads only.
 */
#ifndef A64STUB_PACKET_H
#define A64STUB_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Largest payload we accept and announce as PacketSize in qSupported.
 * Big enough that a 'g' reply (about 1.2 KiB of hex) and a 64 KiB memory
 * read fit in one packet.
 */
#define PKT_MAX 131072

enum pkt_event {
	PKT_NONE,	/* byte consumed, nothing complete yet */
	PKT_PACKET,	/* a packet with a good checksum is in rx->buf */
	PKT_BAD_CSUM,	/* a packet arrived with a bad checksum: NAK it */
	PKT_TOO_LONG,	/* a packet overflowed PKT_MAX: NAK it */
	PKT_ACK,	/* '+' */
	PKT_NAK,	/* '-': resend the last packet */
	PKT_INTERRUPT,	/* 0x03 outside a packet: stop the program */
};

enum pkt_state {
	PKT_IDLE,
	PKT_BODY,
	PKT_ESCAPE,
	PKT_RUNLEN,
	PKT_CSUM1,
	PKT_CSUM2,
};

struct pkt_rx {
	enum pkt_state state;
	unsigned char sum;	/* running checksum of the raw body */
	unsigned char csum;	/* checksum received after '#' */
	bool overflow;
	bool malformed;		/* bad run-length count: fails like a bad checksum */
	size_t len;		/* decoded payload length */
	char buf[PKT_MAX + 1];	/* decoded payload, NUL-terminated */
};

/* Reset @rx to wait for a new packet. */
void pkt_rx_init(struct pkt_rx *rx);

/*
 * Feed one byte from the wire.
 * Returns: the event this byte completes (PKT_NONE if none).
 */
enum pkt_event pkt_rx_feed(struct pkt_rx *rx, unsigned char c);

/*
 * Frame @len bytes of @payload as "$payload#cs" into @out (@outlen bytes).
 * The payload goes out as is: binary payloads must be escaped first
 * with pkt_escape().  Repeats are sent as they are (no run-length).
 * Returns: bytes written, or -ENOSPC.
 */
ssize_t pkt_frame(char *out, size_t outlen, const char *payload, size_t len);

/*
 * Escape binary data for a reply ('$', '#', '}' and '*' become '}'
 * followed by the byte XOR 0x20), writing at most @outlen bytes.
 * *@consumed receives how many input bytes fit.
 * Returns: bytes written.
 */
size_t pkt_escape(char *out, size_t outlen, const void *data, size_t len,
		  size_t *consumed);

/* Returns: the protocol checksum (sum modulo 256) of @len bytes. */
unsigned char pkt_checksum(const char *data, size_t len);

#endif
