/* SPDX-License-Identifier: MIT */
/*
 * The target description (GDB manual, "Target Descriptions" appendix),
 * served to GDB through qXfer:features:read: target.xml and the feature
 * files it includes, for the registers of a CPU with given features.
 */
#ifndef A64STUB_TDESC_H
#define A64STUB_TDESC_H

#include <stddef.h>

#include "regs.h"

/* Generated annexes (target.xml, the SVE feature) fit in this. */
#define TDESC_GEN_MAX	16384

/*
 * Look up the file named @annex ("target.xml", "aarch64-core.xml", ...)
 * of the description of a CPU with features @f, and store its length in
 * *@len.  A fixed feature comes from xml/ (its text is followed by a NUL
 * not counted in @len); target.xml and the SVE feature are written into
 * @buf, @cap bytes.
 * Returns: the file's text, or NULL if @f's target.xml names no such
 * annex (or @buf is too small).
 */
const char *tdesc_get(const struct cpu_features *f, const char *annex,
		      char *buf, size_t cap, size_t *len);

#endif
