// SPDX-License-Identifier: MIT
/* Register packets: g, G, p, P.  They walk the register table only. */
#include <errno.h>
#include <string.h>

#include "hex.h"
#include "regs.h"
#include "server.h"

static struct thread *reg_thread(struct session *s)
{
	return session_thread(s, s->g_tid);
}

/* g  Read all registers, in table order. */
int cmd_regs_read_all(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	struct thread *th = reg_thread(s);
	unsigned char buf[16];

	(void)a;
	(void)n;
	if (!th)
		return -ESRCH;
	for (unsigned int i = 0; i < regs_count; i++) {
		int err = target_reg_read(s->t, th, i, buf);

		if (err) {
			/* Unavailable: 'x' digits, as the protocol allows. */
			memset(out->buf + out->len, 'x', regs_table[i].bitsize / 4);
			out->len += regs_table[i].bitsize / 4;
			continue;
		}
		reply_hex(out, buf, regs_table[i].bitsize / 8);
	}
	return 0;
}

/* GXX...  Write all registers; the block must be complete. */
int cmd_regs_write_all(struct session *s, const char *a, size_t n,
		       struct reply *out)
{
	struct thread *th = reg_thread(s);
	unsigned char buf[16];

	if (!th)
		return -ESRCH;
	if (n != regs_g_size() * 2) {
		out->errmsg = "G packet has the wrong length";
		return -EINVAL;
	}
	/* All digits first: a bad one must not leave some registers written. */
	for (size_t i = 0; i < n; i++) {
		if (hex_digit(a[i]) < 0) {
			out->errmsg = "G packet has a character that is not a hex digit";
			return -EINVAL;
		}
	}
	for (unsigned int i = 0; i < regs_count; i++) {
		size_t bytes = regs_table[i].bitsize / 8;
		int err;

		if (hex_decode(buf, a, bytes))
			return -EINVAL;
		a += bytes * 2;
		err = target_reg_write(s->t, th, i, buf);
		if (err)
			return err;
	}
	return reply_str(out, "OK");
}

/* pn  Read register n. */
int cmd_reg_read(struct session *s, const char *a, size_t n, struct reply *out)
{
	struct thread *th = reg_thread(s);
	unsigned char buf[16];
	uint64_t regno;
	int err;

	(void)n;
	if (hex_parse_u64_all(a, &regno))
		return -EINVAL;
	if (regno >= regs_count)
		return -EINVAL;
	if (!th)
		return -ESRCH;
	err = target_reg_read(s->t, th, (unsigned int)regno, buf);
	if (err)
		return err;
	return reply_hex(out, buf, regs_table[regno].bitsize / 8);
}

/* Pn=r  Write register n. */
int cmd_reg_write(struct session *s, const char *a, size_t n, struct reply *out)
{
	struct thread *th = reg_thread(s);
	unsigned char buf[16];
	uint64_t regno;
	const char *eq;
	int err;

	eq = memchr(a, '=', n);
	if (!eq || hex_parse_u64(&a, &regno) || a != eq || regno >= regs_count)
		return -EINVAL;
	if (strlen(eq + 1) != regs_table[regno].bitsize / 4 ||
	    hex_decode(buf, eq + 1, regs_table[regno].bitsize / 8))
		return -EINVAL;
	if (!th)
		return -ESRCH;
	err = target_reg_write(s->t, th, (unsigned int)regno, buf);
	if (err)
		return err;
	return reply_str(out, "OK");
}
