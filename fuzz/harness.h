/* SPDX-License-Identifier: MIT */
/* What the fuzz targets share: a session over the fake target. */
#ifndef A64STUB_FUZZ_HARNESS_H
#define A64STUB_FUZZ_HARNESS_H

#include <stdio.h>
#include <stdlib.h>

#include "server.h"

struct fuzz_ctx {
	struct target t;
	struct conn conn;
	struct options opts;
	struct session s;
};

/*
 * A fresh session as a GDB client finds it after `run`: one program of
 * two threads (pid 110, threads 110 and 111), stopped.  Returns: @c->s.
 */
struct session *fuzz_begin(struct fuzz_ctx *c);

/* Free everything fuzz_begin() and the input allocated. */
void fuzz_end(struct fuzz_ctx *c);

/*
 * Answer @pkt as the server does, a stop reply included when it resumes.
 * Returns: the reply (in c->s.replybuf), its length in *@len.
 */
const char *fuzz_packet(struct fuzz_ctx *c, const char *pkt, size_t n,
			size_t *len);

/* Abort (a crash for the fuzzer) with @what if @cond is false. */
#define fuzz_check(cond, what) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz: %s: %s\n", what, #cond);		\
		abort();						\
	}								\
} while (0)

#endif
