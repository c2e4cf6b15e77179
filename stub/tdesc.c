// SPDX-License-Identifier: MIT
/*
 * Annex name -> compiled-in XML (stub/tdesc_blob.S).  The names are the
 * file names target.xml uses in its xi:include lines, since GDB asks for
 * exactly those.
 */
#include <string.h>

#include "tdesc.h"

#define BLOB(sym) \
	extern const char sym##_start[]; \
	extern const char sym##_end[]

BLOB(tdesc_target_xml);
BLOB(tdesc_core_xml);
BLOB(tdesc_fpu_xml);
BLOB(tdesc_syscall_xml);
BLOB(tdesc_tls_xml);

struct tdesc_file {
	const char *name;
	const char *start;
	const char *end;
};

#define FILE_ROW(n, sym) { n, sym##_start, sym##_end }

static const struct tdesc_file tdesc_files[] = {
	FILE_ROW("target.xml", tdesc_target_xml),
	FILE_ROW("aarch64-core.xml", tdesc_core_xml),
	FILE_ROW("aarch64-fpu.xml", tdesc_fpu_xml),
	FILE_ROW("a64stub-syscall.xml", tdesc_syscall_xml),
	FILE_ROW("aarch64-tls.xml", tdesc_tls_xml),
};

const char *tdesc_get(const char *annex, size_t *len)
{
	for (size_t i = 0; i < sizeof(tdesc_files) / sizeof(tdesc_files[0]); i++) {
		const struct tdesc_file *f = &tdesc_files[i];

		if (!strcmp(f->name, annex)) {
			*len = (size_t)(f->end - f->start);
			return f->start;
		}
	}
	return NULL;
}
