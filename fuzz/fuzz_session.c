// SPDX-License-Identifier: MIT
/*
 * Fuzz target: a whole client session.  The input is the byte stream a
 * client sends ("+$qSupported:...#xx$g#67..."), read by server_run(), the
 * stub's own loop, from a memfd as if from the socket: framing, acks and
 * NAK resends, no-ack mode, ^C, dispatch and stop replies, packet after
 * packet on one session over the fake target.
 *
 * Random mutations almost always break checksums; the custom mutator
 * below repairs them in half of the mutants, so that both the rejection
 * path and the handlers behind it are explored.
 */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed);

static const char hexd[] = "0123456789abcdef";

/* Make every "$...#xx" in @data carry its right checksum. */
static void fix_checksums(uint8_t *data, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		unsigned char sum = 0;
		size_t j;

		if (data[i] != '$')
			continue;
		for (j = i + 1; j < size && data[j] != '#' && data[j] != '$'; j++)
			sum += data[j];
		if (j + 2 < size && data[j] == '#') {
			data[j + 1] = (uint8_t)hexd[sum >> 4];
			data[j + 2] = (uint8_t)hexd[sum & 0xf];
		}
		i = j - 1;
	}
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed)
{
	size = LLVMFuzzerMutate(data, size, max_size);
	if (seed & 1)
		fix_checksums(data, size);
	return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_ctx c;
	static int memfd = -1, nullfd = -1;
	struct session *s;

	if (memfd < 0) {
		memfd = memfd_create("fuzz-session", MFD_CLOEXEC);
		nullfd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		fuzz_check(memfd >= 0 && nullfd >= 0, "memfd and /dev/null");
	}
	fuzz_check(!ftruncate(memfd, 0), "ftruncate");
	fuzz_check(pwrite(memfd, data, size, 0) == (ssize_t)size, "pwrite");
	lseek(memfd, 0, SEEK_SET);

	s = fuzz_begin(&c);
	c.opts.debug = true;	/* the packet log is code too */
	c.conn.rfd = memfd;
	c.conn.wfd = nullfd;
	c.conn.head = c.conn.tail = 0;
	server_run(s);
	fuzz_end(&c);
	return 0;
}
