// SPDX-License-Identifier: MIT
/*
 * Fuzz target: the argument parser of every packet the stub accepts.
 * One input is one decoded packet payload ("m400000,10", "vCont;c:p6e.-1",
 * binary X data...), handed to server_handle(), the dispatch the socket
 * loop uses, over the fake target (fake_target.c).  Afterwards the
 * session must still answer '?' and 'g' sensibly: a packet must leave
 * the stub able to serve the next one.
 */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "regs.h"

static char pkt[PKT_MAX + 1];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_ctx c;
	const char *r;
	size_t len;

	if (size > PKT_MAX)
		return 0;
	fuzz_begin(&c);
	/* The framing layer hands handlers a NUL-terminated payload. */
	memcpy(pkt, data, size);
	pkt[size] = '\0';
	fuzz_packet(&c, pkt, size, &len);

	r = fuzz_packet(&c, "?", 1, &len);
	fuzz_check(len > 0 && strchr("TSWXN", r[0]), "'?' after the packet");
	r = fuzz_packet(&c, "g", 1, &len);
	fuzz_check(target_first_process(&c.t) ? len == c.t.layout.g_size * 2 :
		   len == 3 && r[0] == 'E', "'g' after the packet");
	fuzz_end(&c);
	return 0;
}
