// SPDX-License-Identifier: MIT
/*
 * Register packets: g, G, p, P.  They walk the thread's register layout
 * (stub/regs.h) only: which registers, their numbers and sizes.
 */
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
	unsigned char buf[REGS_MAX_BYTES];
	const struct reg_layout *l;

	(void)a;
	(void)n;
	if (!th)
		return -ESRCH;
	l = target_reg_layout(s->t, th);
	for (unsigned int i = 0; i < l->count; i++) {
		int err = target_reg_read(s->t, th, i, buf);

		if (err) {
			/* Unavailable: 'x' digits, as the protocol allows. */
			if (out->cap - out->len < l->bits[i] / 4u)
				return -ENOSPC;
			memset(out->buf + out->len, 'x', l->bits[i] / 4);
			out->len += l->bits[i] / 4;
			continue;
		}
		err = reply_hex(out, buf, l->bits[i] / 8);
		if (err)
			return err;
	}
	return 0;
}

/* GXX...  Write all registers; the block must be complete. */
int cmd_regs_write_all(struct session *s, const char *a, size_t n,
		       struct reply *out)
{
	struct thread *th = reg_thread(s);
	unsigned char buf[REGS_MAX_BYTES];
	const struct reg_layout *l;

	if (!th)
		return -ESRCH;
	l = target_reg_layout(s->t, th);
	if (n != l->g_size * 2) {
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
	for (unsigned int i = 0; i < l->count; i++) {
		size_t bytes = l->bits[i] / 8;
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
	const struct reg_layout *l = target_reg_layout(s->t, th);
	unsigned char buf[REGS_MAX_BYTES];
	uint64_t regno;
	int err;

	(void)n;
	if (hex_parse_u64_all(a, &regno))
		return -EINVAL;
	if (regno >= l->count)
		return -EINVAL;
	if (!th)
		return -ESRCH;
	err = target_reg_read(s->t, th, (unsigned int)regno, buf);
	if (err)
		return err;
	return reply_hex(out, buf, l->bits[regno] / 8);
}

/* Pn=r  Write register n. */
int cmd_reg_write(struct session *s, const char *a, size_t n, struct reply *out)
{
	struct thread *th = reg_thread(s);
	const struct reg_layout *l = target_reg_layout(s->t, th);
	unsigned char buf[REGS_MAX_BYTES];
	uint64_t regno;
	const char *eq;
	int err;

	size_t len;

	eq = memchr(a, '=', n);
	if (!eq || hex_parse_u64(&a, &regno) || a != eq || regno >= l->count)
		return -EINVAL;
	len = strlen(eq + 1);
	if (!th)
		return -ESRCH;
	/*
	 * LLDB sizes the SVE registers by the thread's vg, not by the
	 * description: take a shorter Z, P or FFR value as its low part.
	 */
	if (len < l->bits[regno] / 4u && len > 0 && len % 2 == 0 &&
	    regs_row(l, regno)->shape != RSH_FIXED) {
		err = target_reg_read(s->t, th, (unsigned int)regno, buf);
		if (err)
			return err;
	} else if (len != l->bits[regno] / 4u) {
		return -EINVAL;
	}
	if (hex_decode(buf, eq + 1, len / 2))
		return -EINVAL;
	err = target_reg_write(s->t, th, (unsigned int)regno, buf);
	if (err == -EPERM)
		out->errmsg = "this register is read-only";
	else if (err == -EOPNOTSUPP)
		out->errmsg = "changing the SVE vector length (vg) is not supported";
	if (err)
		return err;
	return reply_str(out, "OK");
}
