/* SPDX-License-Identifier: MIT */
/*
 * The compiled-in target description (xml/), served to GDB through
 * qXfer:features:read (GDB manual, "Target Descriptions" appendix).
 */
#ifndef A64STUB_TDESC_H
#define A64STUB_TDESC_H

#include <stddef.h>

/*
 * Look up the file named @annex ("target.xml", "aarch64-core.xml", ...)
 * and store its length in *@len.  The text is not NUL-terminated as far
 * as @len goes; a NUL does follow it.
 * Returns: the file's text, or NULL if there is no such annex.
 */
const char *tdesc_get(const char *annex, size_t *len);

#endif
