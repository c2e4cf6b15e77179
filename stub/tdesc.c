// SPDX-License-Identifier: MIT
/*
 * The target description GDB reads with qXfer:features:read (GDB manual,
 * "Target Descriptions").  target.xml is only xi:includes, one per
 * feature the CPU has (LLDB reads features only that way); it and the
 * SVE feature, whose register sizes follow the vector length, are written
 * here from the register layout, the fixed features are the files of
 * xml/ compiled in (stub/tdesc_blob.S).  The annex names are the ones
 * target.xml names, since GDB asks for exactly those.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tdesc.h"

#define BLOB(sym) \
	extern const char sym##_start[]; \
	extern const char sym##_end[]

BLOB(tdesc_core_xml);
BLOB(tdesc_fpu_xml);
BLOB(tdesc_syscall_xml);
BLOB(tdesc_tls_xml);
BLOB(tdesc_tls2_xml);
BLOB(tdesc_pauth_xml);
BLOB(tdesc_mte_xml);

struct tdesc_file {
	const char *name;
	const char *start;
	const char *end;
};

#define FILE_ROW(n, sym) { n, sym##_start, sym##_end }

static const struct tdesc_file tdesc_files[] = {
	FILE_ROW("aarch64-core.xml", tdesc_core_xml),
	FILE_ROW("aarch64-fpu.xml", tdesc_fpu_xml),
	FILE_ROW("a64stub-syscall.xml", tdesc_syscall_xml),
	FILE_ROW("aarch64-tls.xml", tdesc_tls_xml),
	FILE_ROW("aarch64-tls2.xml", tdesc_tls2_xml),
	FILE_ROW("aarch64-pauth.xml", tdesc_pauth_xml),
	FILE_ROW("aarch64-mte.xml", tdesc_mte_xml),
};

#define SVE_ANNEX "aarch64-sve.xml"

/* A bounded text buffer: out.len stops growing (and out.full is set) at cap. */
struct out {
	char *buf;
	size_t cap, len;
	bool full;
};

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->cap - o->len) {
		o->full = true;
		return;
	}
	o->len += (size_t)n;
}

/* Returns: the annexes target.xml includes for @f, in layout order (stub/regs.c). */
static unsigned int features(const struct cpu_features *f, const char *names[6])
{
	unsigned int n = 0;

	names[n++] = "aarch64-core.xml";
	names[n++] = f->vq ? SVE_ANNEX : "aarch64-fpu.xml";
	names[n++] = "a64stub-syscall.xml";
	names[n++] = f->tls_regs == 2 ? "aarch64-tls2.xml" : "aarch64-tls.xml";
	if (f->pauth)
		names[n++] = "aarch64-pauth.xml";
	if (f->mte)
		names[n++] = "aarch64-mte.xml";
	return n;
}

static void write_target(const struct cpu_features *f, struct out *o)
{
	const char *names[6];
	unsigned int n = features(f, names);

	put(o, "<?xml version=\"1.0\"?>\n"
	       "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
	       "<!-- a64stub: arm64 Linux.  One file per feature, included rather than\n"
	       "     inlined, because LLDB only reads features through xi:include. -->\n"
	       "<target version=\"1.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
	       "  <architecture>aarch64</architecture>\n"
	       "  <osabi>GNU/Linux</osabi>\n");
	for (unsigned int i = 0; i < n; i++)
		put(o, "  <xi:include href=\"%s\"/>\n", names[i]);
	put(o, "</target>\n");
}

/*
 * The SVE feature as GDB's aarch64 target knows it (the names and types
 * it looks up: z0-z31 of type svev, fpsr, fpcr, p0-p15 and ffr of type
 * svep, vg).  Each Z register is a union of lane views of every width,
 * like the V registers of the FP/SIMD feature, with @vq times the lanes.
 */
static void write_sve(const struct cpu_features *f, struct out *o)
{
	static const struct {
		const char *id, *type;
		unsigned int lanes;	/* per quadword */
	} vectors[] = {
		{ "svevqu", "uint128", 1 }, { "svevqs", "int128", 1 },
		{ "svevdf", "ieee_double", 2 }, { "svevdu", "uint64", 2 },
		{ "svevds", "int64", 2 }, { "svevsf", "ieee_single", 4 },
		{ "svevsu", "uint32", 4 }, { "svevss", "int32", 4 },
		{ "svevhf", "ieee_half", 8 }, { "svevhu", "uint16", 8 },
		{ "svevhs", "int16", 8 }, { "svevbu", "uint8", 16 },
		{ "svevbs", "int8", 16 },
	};
	/* union id, then its fields as name, type pairs */
	static const char *const unions[][11] = {
		{ "svevnq", "u", "svevqu", "s", "svevqs" },
		{ "svevnd", "f", "svevdf", "u", "svevdu", "s", "svevds" },
		{ "svevns", "f", "svevsf", "u", "svevsu", "s", "svevss" },
		{ "svevnh", "f", "svevhf", "u", "svevhu", "s", "svevhs" },
		{ "svevnb", "u", "svevbu", "s", "svevbs" },
		{ "svev", "q", "svevnq", "d", "svevnd", "s", "svevns",
		  "h", "svevnh", "b", "svevnb" },
	};
	unsigned int vq = f->vq;

	put(o, "<?xml version=\"1.0\"?>\n"
	       "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
	       "<!-- SVE (NT_ARM_SVE) at a vector length of %u bits, the length of the\n"
	       "     task GDB asked for this description.  The FP/SIMD registers are\n"
	       "     the low 128 bits of the Z registers (GDB shows v0-v31 from them). -->\n"
	       "<feature name=\"org.gnu.gdb.aarch64.sve\">\n", vq * 128);
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++)
		put(o, "  <vector id=\"%s\" type=\"%s\" count=\"%u\"/>\n",
		    vectors[i].id, vectors[i].type, vectors[i].lanes * vq);
	for (size_t i = 0; i < sizeof(unions) / sizeof(unions[0]); i++) {
		put(o, "  <union id=\"%s\">\n", unions[i][0]);
		for (int k = 1; k + 1 < 11 && unions[i][k]; k += 2)
			put(o, "    <field name=\"%s\" type=\"%s\"/>\n",
			    unions[i][k], unions[i][k + 1]);
		put(o, "  </union>\n");
	}
	put(o, "  <vector id=\"svep\" type=\"uint8\" count=\"%u\"/>\n", 2 * vq);
	/*
	 * encoding and format are LLDB's own attributes (lldb-server writes
	 * them; GDB ignores attributes it does not know).  LLDB 14 has no
	 * format for a union type such as svev and would drop z0-z31.
	 */
	for (int i = 0; i < 32; i++)
		put(o, "  <reg name=\"z%d\" bitsize=\"%u\" type=\"svev\""
		       " encoding=\"vector\" format=\"vector-uint8\"/>\n", i, 128 * vq);
	put(o, "  <reg name=\"fpsr\" bitsize=\"32\" type=\"int\"/>\n"
	       "  <reg name=\"fpcr\" bitsize=\"32\" type=\"int\"/>\n");
	for (int i = 0; i < 16; i++)
		put(o, "  <reg name=\"p%d\" bitsize=\"%u\" type=\"svep\"/>\n", i, 16 * vq);
	put(o, "  <reg name=\"ffr\" bitsize=\"%u\" type=\"svep\"/>\n"
	       "  <reg name=\"vg\" bitsize=\"64\" type=\"int\"/>\n"
	       "</feature>\n", 16 * vq);
}

const char *tdesc_get(const struct cpu_features *f, const char *annex,
		      char *buf, size_t cap, size_t *len)
{
	const char *names[6];
	unsigned int n = features(f, names);
	struct out o = { buf, cap, 0, false };
	bool included = !strcmp(annex, "target.xml");

	/* Only what this CPU's target.xml names. */
	for (unsigned int i = 0; i < n && !included; i++)
		included = !strcmp(names[i], annex);
	if (!included)
		return NULL;
	if (!strcmp(annex, "target.xml") || !strcmp(annex, SVE_ANNEX)) {
		if (cap == 0)
			return NULL;
		if (annex[0] == 't')
			write_target(f, &o);
		else
			write_sve(f, &o);
		if (o.full)
			return NULL;
		*len = o.len;
		return buf;
	}
	for (size_t i = 0; i < sizeof(tdesc_files) / sizeof(tdesc_files[0]); i++) {
		const struct tdesc_file *t = &tdesc_files[i];

		if (!strcmp(t->name, annex)) {
			*len = (size_t)(t->end - t->start);
			return t->start;
		}
	}
	return NULL;
}
