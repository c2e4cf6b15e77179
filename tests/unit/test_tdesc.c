// SPDX-License-Identifier: MIT
/*
 * The target description against the register table, for CPUs with and
 * without SVE (at several vector lengths), pointer authentication, MTE
 * and a 16-byte NT_ARM_TLS: walk target.xml's xi:includes through
 * tdesc_get() (so the text the stub serves is what is checked), read
 * every <reg/>, and compare names, sizes, types, features and numbers
 * with the layout regs_layout_init() builds from stub/arm64.c's rows.
 *
 * The XML reader is deliberately small: tags, quoted attributes and
 * comments, which is all xml/ uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regs.h"
#include "tdesc.h"
#include "tap.h"

#define MAX_REGS	128
#define MAX_TYPES	64
#define MAX_INCLUDES	16
#define NAME_LEN	64

/* One tag: its element name and the text holding its attributes. */
struct tag {
	char name[NAME_LEN];
	const char *attrs;
	const char *attrs_end;
};

struct xml_reg {
	char name[NAME_LEN];
	char type[NAME_LEN];
	char feature[NAME_LEN];
	char group[NAME_LEN];
	unsigned long bitsize;
	long regnum;		/* explicit or implied, as GDB numbers it */
	bool explicit_regnum;
};

struct tdesc_check {
	struct xml_reg regs[MAX_REGS];
	unsigned int nregs;
	char includes[MAX_INCLUDES][NAME_LEN];
	unsigned int nincludes;
	char arch[NAME_LEN];
	char osabi[NAME_LEN];
	long next_regnum;
};

/* Predefined tdesc types (GDB manual, "Predefined Target Types"). */
static const char *const builtin_types[] = {
	"bool", "int", "int8", "int16", "int32", "int64", "int128",
	"uint8", "uint16", "uint32", "uint64", "uint128",
	"code_ptr", "data_ptr", "ieee_half", "ieee_single", "ieee_double",
	"bfloat16",
};

/*
 * Find the next element tag in [*p, end), skipping comments, <?...?> and
 * <!...> declarations and closing tags.
 * Returns: true with *@tg filled and *@p past the tag, false at the end.
 */
static bool next_tag(const char **p, const char *end, struct tag *tg)
{
	const char *s = *p;

	for (;;) {
		const char *lt = memchr(s, '<', (size_t)(end - s)), *gt, *n;
		size_t len;

		if (!lt)
			return false;
		if (end - lt >= 4 && !memcmp(lt, "<!--", 4)) {
			const char *c = memmem(lt + 4, (size_t)(end - lt - 4), "-->", 3);

			if (!c)
				return false;
			s = c + 3;
			continue;
		}
		gt = memchr(lt, '>', (size_t)(end - lt));
		if (!gt)
			return false;
		s = gt + 1;
		if (lt + 1 < end && (lt[1] == '?' || lt[1] == '!' || lt[1] == '/'))
			continue;
		for (n = lt + 1; n < gt && !strchr(" \t\r\n/", *n); n++)
			;
		len = (size_t)(n - lt - 1);
		if (len >= NAME_LEN)
			len = NAME_LEN - 1;
		memcpy(tg->name, lt + 1, len);
		tg->name[len] = '\0';
		tg->attrs = n;
		tg->attrs_end = gt;
		*p = s;
		return true;
	}
}

/* Returns: true if @tg has attribute @key, its value copied to @val. */
static bool attr(const struct tag *tg, const char *key, char *val, size_t vlen)
{
	size_t klen = strlen(key);
	const char *s = tg->attrs;

	while (s < tg->attrs_end) {
		const char *k, *v, *q;
		char quote;

		while (s < tg->attrs_end && strchr(" \t\r\n/", *s))
			s++;
		k = s;
		while (s < tg->attrs_end && *s != '=')
			s++;
		if (s + 1 >= tg->attrs_end)
			return false;
		quote = s[1];
		if (quote != '"' && quote != '\'')
			return false;
		v = s + 2;
		q = memchr(v, quote, (size_t)(tg->attrs_end - v));
		if (!q)
			return false;
		if ((size_t)(s - k) == klen && !memcmp(k, key, klen)) {
			size_t n = (size_t)(q - v);

			if (n >= vlen)
				n = vlen - 1;
			memcpy(val, v, n);
			val[n] = '\0';
			return true;
		}
		s = q + 1;
	}
	return false;
}

/* Copy the text after tag @tg up to the next '<' into @val. */
static void text_after(const struct tag *tg, const char *end, char *val, size_t vlen)
{
	const char *s = tg->attrs_end + 1;
	const char *lt = memchr(s, '<', (size_t)(end - s));
	size_t n = lt ? (size_t)(lt - s) : 0;

	if (n >= vlen)
		n = vlen - 1;
	memcpy(val, s, n);
	val[n] = '\0';
}

static bool type_known(char types[][NAME_LEN], unsigned int ntypes, const char *type)
{
	for (size_t i = 0; i < sizeof(builtin_types) / sizeof(builtin_types[0]); i++)
		if (!strcmp(builtin_types[i], type))
			return true;
	for (unsigned int i = 0; i < ntypes; i++)
		if (!strcmp(types[i], type))
			return true;
	return false;
}

/* Read the registers of feature file @annex into @c. */
static void read_feature(struct tap *t, struct tdesc_check *c,
			 const struct cpu_features *f, const char *annex)
{
	static char gen[TDESC_GEN_MAX];
	char types[MAX_TYPES][NAME_LEN], feature[NAME_LEN] = "";
	unsigned long type_size[MAX_TYPES];
	unsigned int ntypes = 0, first = c->nregs, undefined = 0, size_bad = 0;
	size_t len;
	const char *xml = tdesc_get(f, annex, gen, sizeof(gen), &len), *p, *end;
	struct tag tg;

	if (!tap_ok(t, xml != NULL, "%s is available through tdesc_get", annex))
		return;
	p = xml;
	end = xml + len;
	while (next_tag(&p, end, &tg)) {
		char val[NAME_LEN];

		if (!strcmp(tg.name, "feature")) {
			attr(&tg, "name", feature, sizeof(feature));
			continue;
		}
		/* Every type used must be predefined or defined before it. */
		if (attr(&tg, "type", val, sizeof(val)) && !type_known(types, ntypes, val)) {
			tap_diag("%s: <%s> uses undefined type \"%s\"", annex, tg.name, val);
			undefined++;
		}
		if (attr(&tg, "id", val, sizeof(val)) && ntypes < MAX_TYPES) {
			char size[16];

			strcpy(types[ntypes], val);
			type_size[ntypes] = attr(&tg, "size", size, sizeof(size)) ?
					    strtoul(size, NULL, 0) : 0;
			ntypes++;
		}
		if (!strcmp(tg.name, "reg") && c->nregs < MAX_REGS) {
			struct xml_reg *r = &c->regs[c->nregs++];

			memset(r, 0, sizeof(*r));
			strcpy(r->feature, feature);
			attr(&tg, "name", r->name, sizeof(r->name));
			if (!attr(&tg, "type", r->type, sizeof(r->type)))
				strcpy(r->type, "int");	/* the DTD's default */
			attr(&tg, "group", r->group, sizeof(r->group));
			if (attr(&tg, "bitsize", val, sizeof(val)))
				r->bitsize = strtoul(val, NULL, 10);
			r->explicit_regnum = attr(&tg, "regnum", val, sizeof(val));
			if (r->explicit_regnum)
				c->next_regnum = strtol(val, NULL, 10);
			r->regnum = c->next_regnum++;
			for (unsigned int i = 0; i < ntypes; i++) {
				if (type_size[i] && !strcmp(types[i], r->type) &&
				    type_size[i] * 8 != r->bitsize) {
					tap_diag("%s: %s is %lu bits but type %s is %lu bytes",
						 annex, r->name, r->bitsize, r->type, type_size[i]);
					size_bad++;
				}
			}
		}
	}
	tap_ok(t, feature[0] != '\0', "%s: has a <feature name=...>", annex);
	tap_int(t, undefined, 0, "%s: every type used is defined", annex);
	tap_int(t, size_bad, 0, "%s: sized types match their registers' bitsize", annex);
	if (tap_ok(t, c->nregs > first, "%s: has registers", annex) && first == 0)
		tap_ok(t, c->regs[0].explicit_regnum && c->regs[0].regnum == 0,
		       "%s: first register %s has regnum 0", annex, c->regs[0].name);
}

static void read_target(struct tap *t, struct tdesc_check *c,
			const struct cpu_features *f)
{
	static char gen[TDESC_GEN_MAX];
	size_t len = 0;
	const char *xml = tdesc_get(f, "target.xml", gen, sizeof(gen), &len), *p, *end;
	struct tag tg;

	if (!tap_ok(t, xml != NULL && len > 0, "tdesc_get(\"target.xml\") is non-NULL"))
		return;
	tap_int(t, (long long)strlen(xml), (long long)len,
		"target.xml: the length is right and a NUL follows the text");
	p = xml;
	end = xml + len;
	while (next_tag(&p, end, &tg)) {
		if (!strcmp(tg.name, "architecture"))
			text_after(&tg, end, c->arch, sizeof(c->arch));
		else if (!strcmp(tg.name, "osabi"))
			text_after(&tg, end, c->osabi, sizeof(c->osabi));
		else if (!strcmp(tg.name, "xi:include") && c->nincludes < MAX_INCLUDES)
			attr(&tg, "href", c->includes[c->nincludes++], NAME_LEN);
		else if (!strcmp(tg.name, "feature") || !strcmp(tg.name, "reg"))
			tap_ok(t, false, "target.xml has only xi:include, no inline <%s>",
			       tg.name);
	}
	tap_str(t, c->arch, "aarch64", "target.xml: architecture");
	tap_str(t, c->osabi, "GNU/Linux", "target.xml: osabi");
}

static void test_lookup(struct tap *t)
{
	static const struct cpu_features plain = { 0, false, false, 1 };
	static const struct cpu_features sve = { 2, false, false, 1 };
	char buf[TDESC_GEN_MAX];
	size_t len = 12345;

	tap_ok(t, tdesc_get(&plain, "nope", buf, sizeof(buf), &len) == NULL,
	       "tdesc_get(\"nope\") is NULL");
	tap_ok(t, tdesc_get(&plain, "", buf, sizeof(buf), &len) == NULL,
	       "tdesc_get(\"\") is NULL");
	tap_ok(t, tdesc_get(&plain, "target.xm", buf, sizeof(buf), &len) == NULL,
	       "tdesc_get(\"target.xm\") is NULL");
	tap_ok(t, tdesc_get(&plain, "target.xml ", buf, sizeof(buf), &len) == NULL,
	       "tdesc_get(\"target.xml \") is NULL");
	tap_ok(t, tdesc_get(&plain, "xml/target.xml", buf, sizeof(buf), &len) == NULL,
	       "tdesc_get(\"xml/target.xml\") is NULL");
	/* Only what the CPU's target.xml includes. */
	tap_ok(t, tdesc_get(&plain, "aarch64-sve.xml", buf, sizeof(buf), &len) == NULL,
	       "no SVE feature for a CPU without SVE");
	tap_ok(t, tdesc_get(&sve, "aarch64-fpu.xml", buf, sizeof(buf), &len) == NULL,
	       "no FP/SIMD feature for a CPU with SVE (GDB refuses both)");
	tap_ok(t, tdesc_get(&plain, "aarch64-pauth.xml", buf, sizeof(buf), &len) == NULL,
	       "no pauth feature without pointer authentication");
	tap_ok(t, tdesc_get(&sve, "target.xml", buf, 100, &len) == NULL,
	       "a buffer too small for target.xml gives NULL");
}

static void test_includes(struct tap *t, const struct tdesc_check *c,
			  const struct cpu_features *f)
{
	const char *exp[8];
	unsigned int n = 0;

	exp[n++] = "aarch64-core.xml";
	exp[n++] = f->vq ? "aarch64-sve.xml" : "aarch64-fpu.xml";
	exp[n++] = "a64stub-syscall.xml";
	exp[n++] = f->tls_regs == 2 ? "aarch64-tls2.xml" : "aarch64-tls.xml";
	if (f->pauth)
		exp[n++] = "aarch64-pauth.xml";
	if (f->mte)
		exp[n++] = "aarch64-mte.xml";
	tap_int(t, c->nincludes, n, "target.xml includes %u files", n);
	for (unsigned int i = 0; i < n; i++)
		tap_str(t, i < c->nincludes ? c->includes[i] : NULL, exp[i],
			"target.xml include %u", i);
}

static void test_regs(struct tap *t, const struct tdesc_check *c,
		      const struct reg_layout *l, size_t g_size)
{
	size_t bytes = 0;

	tap_int(t, c->nregs, l->count, "the XML has as many registers as the layout");
	for (unsigned int i = 0; i < l->count; i++) {
		const struct reg_desc *d = regs_row(l, i);
		const struct xml_reg *r = i < c->nregs ? &c->regs[i] : NULL;
		bool ok = r && !strcmp(r->name, d->name) && r->bitsize == l->bits[i] &&
			  !strcmp(r->type, d->type) && !strcmp(r->feature, d->feature) &&
			  r->regnum == (long)i && l->num[l->id[i]] == (short)i;

		if (!tap_ok(t, ok, "register %u is %s, %u bits, %s, %s", i, d->name,
			    l->bits[i], d->type, d->feature) && r)
			tap_diag("got %s, %lu bits, %s, %s, regnum %ld", r->name,
				 r->bitsize, r->type, r->feature, r->regnum);
	}
	for (unsigned int i = 0; i < c->nregs; i++) {
		const struct xml_reg *r = &c->regs[i];

		bytes += r->bitsize / 8;
		if (!strcmp(r->feature, "org.a64stub.aarch64.linux.syscall"))
			tap_str(t, r->group, "general", "%s is in group general", r->name);
	}
	tap_int(t, (long long)l->g_size, (long long)bytes,
		"g_size is the sum of the XML bitsizes / 8");
	tap_int(t, (long long)l->g_size, (long long)g_size, "g_size is %zu bytes", g_size);
}

static void check_cpu(struct tap *t, const struct cpu_features *f, size_t g_size)
{
	struct tdesc_check *c = calloc(1, sizeof(*c));
	struct reg_layout l;

	if (!c) {
		perror("calloc");
		exit(1);
	}
	tap_diag("CPU: vq %u, pauth %d, mte %d, %u TLS registers", f->vq, f->pauth,
		 f->mte, f->tls_regs);
	regs_layout_init(&l, f);
	read_target(t, c, f);
	test_includes(t, c, f);
	for (unsigned int i = 0; i < c->nincludes; i++)
		read_feature(t, c, f, c->includes[i]);
	test_regs(t, c, &l, g_size);
	free(c);
}

int main(void)
{
	/* 34 * 8 - 4 core, 32 * 16 + 8 FP/SIMD, 8 + 8 + 4 syscall, TLS */
	static const struct cpu_features a57 = { 0, false, false, 1 };
	static const struct cpu_features a57_tls2 = { 0, false, false, 2 };
	/* core, SVE (32 Z + 17 P/FFR at vq, fpsr/fpcr 8, vg 8), syscall, TLS, pauth, MTE */
	static const struct cpu_features max1 = { 1, true, true, 2 };
	static const struct cpu_features max4 = { 4, true, true, 2 };
	static const struct cpu_features sve16 = { 16, false, false, 1 };
	struct tap t = { 0 };

	test_lookup(&t);
	check_cpu(&t, &a57, 816);
	check_cpu(&t, &a57_tls2, 824);
	check_cpu(&t, &max1, 268 + 32 * 16 + 17 * 2 + 16 + 20 + 16 + 16 + 8);
	check_cpu(&t, &max4, 268 + 32 * 64 + 17 * 8 + 16 + 20 + 16 + 16 + 8);
	check_cpu(&t, &sve16, 268 + 32 * 256 + 17 * 32 + 16 + 20 + 8);
	{
		struct reg_layout l;

		regs_layout_init(&l, &max4);
		tap_int(&t, regs_find(&l, "z0"), 34, "z0 is GDB register 34 with SVE");
		tap_int(&t, regs_find(&l, "vg"), 34 + 32 + 2 + 17, "vg follows ffr");
		tap_int(&t, regs_find(&l, "v0"), -1, "no v0 register with SVE");
		regs_layout_init(&l, &a57);
		tap_int(&t, regs_find(&l, "orig_x0"), 68, "orig_x0 is 68 without SVE");
		tap_int(&t, regs_find(&l, "tpidr"), 71, "tpidr is 71 without SVE");
	}
	return tap_done(&t);
}
