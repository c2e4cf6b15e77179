// SPDX-License-Identifier: MIT
/* Memory and breakpoint packets: m, M, X, Z0, z0. */
#include <errno.h>
#include <string.h>

#include "hex.h"
#include "server.h"

static struct process *mem_process(struct session *s)
{
	struct thread *th = session_thread(s, s->g_tid);

	return th ? th->proc : NULL;
}

/* Parse "addr,length" and return what follows it. */
static int parse_range(const char **p, uint64_t *addr, uint64_t *len)
{
	if (hex_parse_u64(p, addr) || **p != ',')
		return -EINVAL;
	(*p)++;
	return hex_parse_u64(p, len);
}

/* maddr,length  Read memory: as much as is readable, E on none. */
int cmd_mem_read(struct session *s, const char *a, size_t n, struct reply *out)
{
	struct process *p = mem_process(s);
	unsigned char buf[PKT_MAX / 2];
	uint64_t addr, len;
	ssize_t got;

	(void)n;
	if (parse_range(&a, &addr, &len) || *a)
		return -EINVAL;
	if (!p)
		return -ESRCH;
	/* The reply must fit the packet: clamp, GDB asks again for more. */
	if (len > sizeof(buf))
		len = sizeof(buf);
	got = target_read_mem(s->t, p, addr, buf, len);
	if (got < 0)
		return (int)got;
	return reply_hex(out, buf, (size_t)got);
}

static int write_all(struct session *s, uint64_t addr, const void *buf,
		     size_t len, struct reply *out)
{
	struct process *p = mem_process(s);
	ssize_t put;

	if (!p)
		return -ESRCH;
	if (!len)
		return reply_str(out, "OK");
	put = target_write_mem(s->t, p, addr, buf, len);
	if (put < 0)
		return (int)put;
	if ((size_t)put != len)
		return -EIO;
	return reply_str(out, "OK");
}

/* Maddr,length:XX...  Write memory given in hex. */
int cmd_mem_write_hex(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	unsigned char buf[PKT_MAX / 2];
	const char *start = a;
	uint64_t addr, len;

	if (parse_range(&a, &addr, &len) || *a != ':')
		return -EINVAL;
	a++;
	if (len > sizeof(buf) || n - (size_t)(a - start) != len * 2 ||
	    hex_decode(buf, a, len))
		return -EINVAL;
	return write_all(s, addr, buf, len, out);
}

/* Xaddr,length:XX...  Write memory given as (already unescaped) binary. */
int cmd_mem_write_bin(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	const char *start = a;
	uint64_t addr, len;

	if (parse_range(&a, &addr, &len) || *a != ':')
		return -EINVAL;
	a++;
	if (n - (size_t)(a - start) != len)
		return -EINVAL;
	return write_all(s, addr, a, len, out);
}

/*
 * Ztype,addr,kind[;cond...] and ztype,addr,kind: 0 software breakpoint,
 * 1 hardware breakpoint, 2/3/4 write/read/access watchpoint.
 */
static int bp_args(struct session *s, const char *a, unsigned int *type,
		   uint64_t *addr, uint64_t *kind, struct process **p)
{
	if (a[0] < '0' || a[0] > '4')
		return -ERR_UNSUPPORTED;
	*type = (unsigned int)(a[0] - '0');
	a++;
	if (*a++ != ',' || hex_parse_u64(&a, addr) || *a++ != ',' ||
	    hex_parse_u64(&a, kind))
		return -EINVAL;
	/* Conditions and commands (";X...") are evaluated by GDB here. */
	if (*a && *a != ';')
		return -EINVAL;
	if (*type <= 1 && *kind != 4)
		return -EINVAL;		/* A64 instructions are 4 bytes */
	*p = mem_process(s);
	return *p ? 0 : -ESRCH;
}

static const enum hw_kind hw_kinds[] = {
	[1] = HW_BREAK,
	[2] = HW_WATCH_WRITE,
	[3] = HW_WATCH_READ,
	[4] = HW_WATCH_ACCESS,
};

static int bp_change(struct session *s, const char *a, bool insert,
		     struct reply *out)
{
	uint64_t addr, kind;
	struct process *p;
	unsigned int type;
	int err;

	err = bp_args(s, a, &type, &addr, &kind, &p);
	if (err)
		return err;
	s->t->last_error = NULL;
	if (type == 0)
		err = insert ? target_insert_bp(s->t, p, addr) :
			       target_remove_bp(s->t, p, addr);
	else if (insert)
		err = target_insert_hw(s->t, p, hw_kinds[type], addr, kind);
	else
		err = target_remove_hw(s->t, p, hw_kinds[type], addr, kind);
	if (err) {
		out->errmsg = s->t->last_error;
		return err;
	}
	return reply_str(out, "OK");
}

int cmd_bp_insert(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)n;
	return bp_change(s, a, true, out);
}

int cmd_bp_remove(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)n;
	return bp_change(s, a, false, out);
}

/*
 * MTE tag type in qMemTags/QMemTags: GDB's aarch64 target asks for
 * allocation tags as type 1 (aarch64_memtag_type::mte_allocation); the
 * logical tag is in the pointer, GDB reads it itself.
 */
#define MEMTAG_ALLOCATION 1

/* Parse "addr,length:type" and return what follows it. */
static int parse_tag_range(const char **p, uint64_t *addr, uint64_t *len,
			   uint64_t *type)
{
	if (parse_range(p, addr, len) || **p != ':')
		return -EINVAL;
	(*p)++;
	return hex_parse_u64(p, type);
}

/* The checks both tag packets make: MTE, the tag type, a process. */
static int tag_check(struct session *s, uint64_t type, struct reply *out)
{
	if (!target_reg_layout(s->t, session_thread(s, s->g_tid))->f.mte) {
		out->errmsg = "this CPU has no memory tagging (MTE)";
		return -EOPNOTSUPP;
	}
	if (type != MEMTAG_ALLOCATION) {
		out->errmsg = "only allocation tags (type 1) are stored in the target";
		return -EINVAL;
	}
	return mem_process(s) ? 0 : -ESRCH;
}

/* Returns: @err, with the reason GDB shows for memory without tags. */
static int tag_error(int err, struct reply *out)
{
	if (err == -EIO)
		out->errmsg = "no allocation tags there (memory not mapped with PROT_MTE)";
	return err;
}

/* qMemTags:addr,length:type  Read the allocation tags of a range: mXX... */
int cmd_memtags_read(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	struct process *p = mem_process(s);
	unsigned char tags[PKT_MAX / 2 - 1];
	uint64_t addr, len, type;
	size_t ntags;
	int err;

	(void)n;
	if (parse_tag_range(&a, &addr, &len, &type) || *a)
		return -EINVAL;
	err = tag_check(s, type, out);
	if (err)
		return err;
	ntags = target_tag_granules(addr, len);
	if (ntags > sizeof(tags)) {
		out->errmsg = "too many tags for one reply";
		return -E2BIG;
	}
	if (ntags == 0) {
		out->errmsg = "an empty range has no tags";
		return -EINVAL;
	}
	err = tag_error(target_read_tags(s->t, p, addr, tags, ntags), out);
	if (err)
		return err;
	err = reply_str(out, "m");
	return err ? err : reply_hex(out, tags, ntags);
}

/* QMemTags:addr,length:type:XX...  Set the allocation tags of a range. */
int cmd_memtags_write(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	struct process *p = mem_process(s);
	unsigned char tags[PKT_MAX / 2];
	uint64_t addr, len, type;
	size_t hexlen;
	int err;

	(void)n;
	if (parse_tag_range(&a, &addr, &len, &type) || *a++ != ':')
		return -EINVAL;
	hexlen = strlen(a);
	if (hexlen % 2 || hexlen / 2 > sizeof(tags) || hex_decode(tags, a, hexlen / 2))
		return -EINVAL;
	err = tag_check(s, type, out);
	if (err)
		return err;
	if (hexlen == 0 || target_tag_granules(addr, len) == 0)
		return reply_str(out, "OK");	/* nothing to tag */
	err = tag_error(target_write_tags(s->t, p, addr, target_tag_granules(addr, len),
					  tags, hexlen / 2), out);
	return err ? err : reply_str(out, "OK");
}
