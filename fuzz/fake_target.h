/* SPDX-License-Identifier: MIT */
/* The fuzzers' target (fake_target.c): no processes, only data. */
#ifndef A64STUB_FUZZ_FAKE_TARGET_H
#define A64STUB_FUZZ_FAKE_TARGET_H

#include "target.h"

/* Empty @t and the fake memory: the same start for every input. */
void fake_target_init(struct target *t);

/* Free every process of @t. */
void fake_target_reset(struct target *t);

#endif
