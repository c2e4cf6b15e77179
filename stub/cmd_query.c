// SPDX-License-Identifier: MIT
/* General queries and settings: the q and Q packets. */
#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hex.h"
#include "regs.h"
#include "server.h"
#include "signals.h"
#include "tdesc.h"

/* qSupported[:gdbfeature;...]  Exchange features. */
static int cmd_supported(struct session *s, const char *a, size_t n,
			 struct reply *out)
{
	(void)n;
	s->multiprocess = strstr(a, "multiprocess+") != NULL;
	s->swbreak = strstr(a, "swbreak+") != NULL;
	s->hwbreak = strstr(a, "hwbreak+") != NULL;
	s->exec_events = strstr(a, "exec-events+") != NULL;
	s->vcont_t = strstr(a, "vContSupported+") != NULL;
	s->t->trace_exec_events = s->exec_events;
	/* Fork events name the child by process: multiprocess ids needed. */
	s->t->fork_events = s->multiprocess && strstr(a, ";fork-events+");
	s->t->vfork_events = s->multiprocess && strstr(a, "vfork-events+");
	target_set_options(s->t);
	return reply_printf(out,
		"PacketSize=%x;QStartNoAckMode+;qXfer:features:read+;"
		"qXfer:threads:read+;qXfer:auxv:read+;qXfer:exec-file:read+;"
		"qXfer:siginfo:read+;qXfer:siginfo:write+;qXfer:osdata:read+;"
		"qXfer:libraries-svr4:read+;"
		"QCatchSyscalls+;QPassSignals+;QProgramSignals+;"
		"QStartupWithShell+;QDisableRandomization+;"
		"QEnvironmentHexEncoded+;QEnvironmentReset+;QEnvironmentUnset+;"
		"QSetWorkingDir+;"
		"swbreak+;hwbreak+;multiprocess+;fork-events+;vfork-events+;"
		"exec-events+;vContSupported+;"
		"no-resumed+%s",
		PKT_MAX,
		/* Where the CPU has MTE: qMemTags/QMemTags (cmd_mem.c). */
		target_reg_layout(s->t, NULL)->f.mte ? ";memory-tagging+" : "");
}

/* QStartNoAckMode  Stop sending and expecting '+'. */
static int cmd_noack(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	(void)a;
	(void)n;
	/* The OK itself is still acknowledged: switch after sending it. */
	reply_str(out, "OK");
	s->noack_next = true;
	return 0;
}

/*
 * Serve [offset, offset+length) of @data as a qXfer reply: 'm' if more
 * follows, 'l' for the last part.
 */
static int xfer_reply(struct reply *out, const char *data, size_t size,
		      uint64_t off, uint64_t len)
{
	size_t consumed;

	if (off > size)
		return -EINVAL;
	if (len > (out->cap - out->len - 1) / 2)
		len = (out->cap - out->len - 1) / 2;	/* room for escapes */
	if (len > size - off)
		len = size - off;
	reply_str(out, "m");
	reply_binary(out, data + off, len, &consumed);
	if (off + consumed >= size)
		out->buf[0] = 'l';
	return 0;
}

/* Parse "annex:offset,length" after "qXfer:object:read:". */
static int xfer_args(const char *a, char *annex, size_t annexlen,
		     uint64_t *off, uint64_t *len)
{
	const char *colon = strchr(a, ':');

	if (!colon || (size_t)(colon - a) >= annexlen)
		return -EINVAL;
	memcpy(annex, a, (size_t)(colon - a));
	annex[colon - a] = '\0';
	a = colon + 1;
	if (hex_parse_u64(&a, off) || *a++ != ',' || hex_parse_u64(&a, len) || *a)
		return -EINVAL;
	return 0;
}

/* qXfer:features:read:annex:offset,length  The target description. */
static int cmd_xfer_features(struct session *s, const char *a, size_t n,
			     struct reply *out)
{
	char annex[64], gen[TDESC_GEN_MAX];
	const struct reg_layout *l;
	uint64_t off, len;
	const char *data;
	size_t size;

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	/* The registers of the thread GDB looks at: the layout its 'g' has. */
	l = target_reg_layout(s->t, session_thread(s, s->g_tid));
	data = tdesc_get(&l->f, annex, gen, sizeof(gen), &size);
	if (!data)
		return -ENOENT;
	return xfer_reply(out, data, size, off, len);
}

/* Read a whole /proc file of the current process into a malloc'ed buffer. */
static char *slurp(const char *path, size_t *size)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	ssize_t r;
	int fd;

	if (!buf)
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(buf);
		return NULL;
	}
	while ((r = read(fd, buf + len, cap - len)) > 0) {
		len += (size_t)r;
		if (len == cap) {
			char *nb = realloc(buf, cap * 2);

			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
	}
	close(fd);
	*size = len;
	return buf;
}

static struct process *annex_process(struct session *s, const char *annex)
{
	uint64_t pid;

	/* An annex that is not a process id names none (gdbserver: E01). */
	if (annex[0])
		return hex_parse_u64_all(annex, &pid) ? NULL :
		       target_find_process(s->t, (pid_t)pid);
	return target_first_process(s->t) ?
	       session_thread(s, s->g_tid)->proc : NULL;
}

/* qXfer:auxv:read::offset,length  The program's auxiliary vector. */
static int cmd_xfer_auxv(struct session *s, const char *a, size_t n,
			 struct reply *out)
{
	char annex[32], path[64], *data;
	struct process *p;
	uint64_t off, len;
	size_t size;
	int err;

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	p = annex_process(s, annex);
	if (!p)
		return -ESRCH;
	snprintf(path, sizeof(path), "/proc/%d/auxv", p->pid);
	data = slurp(path, &size);
	if (!data)
		return -EIO;
	err = xfer_reply(out, data, size, off, len);
	free(data);
	return err;
}

/* qXfer:exec-file:read:pid:offset,length  The program's file name. */
static int cmd_xfer_exec_file(struct session *s, const char *a, size_t n,
			      struct reply *out)
{
	char annex[32], link[64], path[4096];
	struct process *p;
	uint64_t off, len;
	ssize_t size;

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	p = annex_process(s, annex);
	if (!p)
		return -ESRCH;
	snprintf(link, sizeof(link), "/proc/%d/exe", p->pid);
	size = readlink(link, path, sizeof(path) - 1);
	if (size < 0)
		return -errno;
	return xfer_reply(out, path, (size_t)size, off, len);
}

/* qXfer:threads:read::offset,length  Every thread, with its name. */
static int cmd_xfer_threads(struct session *s, const char *a, size_t n,
			    struct reply *out)
{
	struct reply doc = { .cap = PKT_MAX };
	char annex[8], name[64];
	uint64_t off, len, handle;
	int err, core;

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	doc.buf = malloc(doc.cap + 1);
	if (!doc.buf)
		return -ENOMEM;
	reply_str(&doc, "<?xml version=\"1.0\"?>\n<threads>\n");
	for (struct process *p = target_first_process(s->t); p; p = p->next) {
		if (p->unannounced)
			continue;	/* until its fork event is told */
		for (struct thread *th = p->threads; th; th = th->next) {
			reply_str(&doc, "<thread id=\"");
			reply_ptid(s, &doc, p->pid, th->tid);
			target_thread_name(th, name, sizeof(name));
			/* comm is at most 15 bytes; keep XML specials out. */
			for (char *c = name; *c; c++)
				if (*c == '<' || *c == '>' || *c == '&' || *c == '"')
					*c = '_';
			reply_str(&doc, "\"");
			/* The attributes in gdbserver's order: core, name, handle. */
			core = target_thread_core(th);
			if (core >= 0)
				reply_printf(&doc, " core=\"%d\"", core);
			reply_printf(&doc, " name=\"%s\"", name);
			/* pthread_t's bytes in target order, as gdbserver's bin2hex. */
			if (!target_thread_handle(s->t, th, &handle)) {
				reply_str(&doc, " handle=\"");
				reply_hex(&doc, &handle, sizeof(handle));
				reply_str(&doc, "\"");
			}
			reply_str(&doc, "/>\n");
		}
	}
	reply_str(&doc, "</threads>\n");
	err = xfer_reply(out, doc.buf, doc.len, off, len);
	free(doc.buf);
	return err;
}

/* qXfer:siginfo:read::offset,length  The stopped thread's siginfo_t. */
static int cmd_xfer_siginfo(struct session *s, const char *a, size_t n,
			    struct reply *out)
{
	struct thread *th = session_thread(s, s->g_tid);
	uint64_t off, len;
	char annex[8];

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	if (!th)
		return -ESRCH;
	/* Only a signal-delivery-stop has one (the kernel says EINVAL too). */
	if (th->stop.kind != STOP_SIGNAL)
		return -EINVAL;
	return xfer_reply(out, (const char *)&th->stop.si, sizeof(th->stop.si),
			  off, len);
}

/*
 * qXfer:siginfo:write::offset:data  Change the siginfo the stopped thread
 * gets its signal with (GDB's `set $_siginfo...`).
 */
static int cmd_xfer_siginfo_write(struct session *s, const char *a, size_t n,
				  struct reply *out)
{
	struct thread *th = session_thread(s, s->g_tid);
	const char *end = a + n, *p;
	uint64_t off;
	int err;

	/* The annex is empty: "::offset:data", data in binary. */
	if (*a++ != ':')
		return -EINVAL;
	p = a;
	if (hex_parse_u64(&p, &off) || p >= end || *p++ != ':')
		return -EINVAL;
	if (!th)
		return -ESRCH;
	err = target_write_siginfo(s->t, th, off, p, (size_t)(end - p));
	if (err)
		return err;
	return reply_printf(out, "%zx", (size_t)(end - p));
}

/*
 * qXfer:osdata:read:TYPE:offset,length  GDB's "info os TYPE" tables.  The
 * table is read once, at offset 0, and the rest served from that copy
 * (as gdbserver does), so that the parts of one document agree.
 */
static int cmd_xfer_osdata(struct session *s, const char *a, size_t n,
			   struct reply *out)
{
	char annex[32];
	uint64_t off, len;

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	if (off == 0 || !s->osdata) {
		free(s->osdata);
		s->osdata = target_osdata(annex, &s->osdata_len);
		if (!s->osdata)
			return -errno;
	}
	return xfer_reply(out, s->osdata, s->osdata_len, off, len);
}

/* Read one 64-bit word of target memory.  Returns: 0 or -EIO. */
static int peek64(struct session *s, struct process *p, uint64_t addr,
		  uint64_t *val)
{
	return target_read_mem(s->t, p, addr, val, 8) == 8 ? 0 : -EIO;
}

/*
 * Where the dynamic linker's r_debug is: the program's DT_DEBUG entry,
 * found from its program headers (AT_PHDR, AT_PHNUM in the auxv) and
 * the load bias (AT_PHDR minus PT_PHDR's p_vaddr, for PIE programs).
 * Returns: its address, or 0 if there is none (yet).
 */
static uint64_t find_r_debug(struct session *s, struct process *p)
{
	uint64_t phdr = 0, phnum = 0, bias = 0, dyn = 0, dynsz = 0, v[2];
	char path[64], *auxv;
	size_t size;

	snprintf(path, sizeof(path), "/proc/%d/auxv", p->pid);
	auxv = slurp(path, &size);
	if (!auxv)
		return 0;
	for (size_t i = 0; i + 16 <= size; i += 16) {
		memcpy(v, auxv + i, 16);
		if (v[0] == 3)		/* AT_PHDR */
			phdr = v[1];
		else if (v[0] == 5)	/* AT_PHNUM */
			phnum = v[1];
	}
	free(auxv);
	/* Elf64_Phdr: p_type (4) p_flags (4) p_offset p_vaddr p_paddr p_filesz ... (56 bytes) */
	for (uint64_t i = 0; i < phnum && i < 64; i++) {
		uint64_t ph = phdr + i * 56, type, vaddr, memsz;

		if (peek64(s, p, ph, &type) || peek64(s, p, ph + 16, &vaddr) ||
		    peek64(s, p, ph + 40, &memsz))
			return 0;
		if ((uint32_t)type == 6)	/* PT_PHDR */
			bias = phdr - vaddr;
		else if ((uint32_t)type == 2) {	/* PT_DYNAMIC */
			dyn = vaddr;
			dynsz = memsz;
		}
	}
	if (!dyn)
		return 0;	/* static program: no dynamic linker */
	for (uint64_t d = dyn + bias; d < dyn + bias + dynsz; d += 16) {
		uint64_t tag, val;

		if (peek64(s, p, d, &tag) || peek64(s, p, d + 8, &val) || tag == 0)
			break;
		if (tag == 21)		/* DT_DEBUG */
			return val;
	}
	return 0;
}

/*
 * qXfer:libraries-svr4:read:annex:offset,length  The dynamic linker's list
 * of loaded objects (r_debug.r_map, then struct link_map's public head:
 * l_addr, l_name, l_ld, l_next), the first being the program itself.
 */
static int cmd_xfer_svr4(struct session *s, const char *a, size_t n,
			 struct reply *out)
{
	struct reply doc = { .cap = PKT_MAX };
	uint64_t off, len, rdebug, lm, main_lm = 0, lmid;
	struct thread *th = session_thread(s, s->g_tid);
	char annex[256], name[512];
	const char *p;
	int err, count = 0;

	(void)n;
	if (xfer_args(a, annex, sizeof(annex), &off, &len))
		return -EINVAL;
	if (!th)
		return -ESRCH;
	doc.buf = malloc(doc.cap + 1);
	if (!doc.buf)
		return -ENOMEM;
	rdebug = find_r_debug(s, th->proc);
	/*
	 * GDB 13 files each library under its namespace, named by "lmid"
	 * (and warns for every library without one): the namespace's
	 * r_debug, as gdbserver names it, or the one GDB asks about.
	 */
	lmid = rdebug;
	p = strstr(annex, "lmid=");
	if (p) {
		p += 5;
		if (hex_parse_u64(&p, &lmid))
			lmid = rdebug;
	}
	if (rdebug && !peek64(s, th->proc, rdebug + 8, &lm)) {
		main_lm = lm;
		reply_printf(&doc, "<library-list-svr4 version=\"1.0\" main-lm=\"0x%" PRIx64 "\">", main_lm);
		for (; lm && count < 1024; count++) {
			uint64_t l_addr, l_name, l_ld, next;
			ssize_t got;

			if (peek64(s, th->proc, lm, &l_addr) || peek64(s, th->proc, lm + 8, &l_name) ||
			    peek64(s, th->proc, lm + 16, &l_ld) || peek64(s, th->proc, lm + 24, &next))
				break;
			got = l_name ? target_read_mem(s->t, th->proc, l_name, name, sizeof(name) - 1) : 0;
			name[got > 0 ? strnlen(name, (size_t)got) : 0] = '\0';
			if (lm != main_lm && name[0]) {
				reply_str(&doc, "<library name=\"");
				for (char *c = name; *c; c++)
					reply_printf(&doc, (*c == '"' || *c == '&' || *c == '<' || *c == '>') ?
						     "&#%d;" : "%c", *c);
				reply_printf(&doc, "\" lm=\"0x%" PRIx64 "\" l_addr=\"0x%" PRIx64
					     "\" l_ld=\"0x%" PRIx64 "\" lmid=\"0x%" PRIx64 "\"/>",
					     lm, l_addr, l_ld, lmid);
			}
			lm = next;
		}
		reply_str(&doc, "</library-list-svr4>");
	} else {
		/* Not dynamic, or the dynamic linker has not run yet. */
		reply_str(&doc, "<library-list-svr4 version=\"1.0\"/>");
	}
	err = xfer_reply(out, doc.buf, doc.len, off, len);
	free(doc.buf);
	return err;
}

static int thread_list(struct session *s, struct reply *out)
{
	bool first = true;

	reply_str(out, "m");
	for (struct process *p = target_first_process(s->t); p; p = p->next) {
		if (p->unannounced)
			continue;	/* until its fork event is told */
		for (struct thread *th = p->threads; th; th = th->next) {
			if (!first)
				reply_str(out, ",");
			reply_ptid(s, out, p->pid, th->tid);
			first = false;
		}
	}
	if (first)
		out->len = 0, reply_str(out, "l");
	return 0;
}

/* qfThreadInfo  All threads in one go; qsThreadInfo then says "l". */
static int cmd_thread_first(struct session *s, const char *a, size_t n,
			    struct reply *out)
{
	(void)a;
	(void)n;
	return thread_list(s, out);
}

static int cmd_thread_next(struct session *s, const char *a, size_t n,
			   struct reply *out)
{
	(void)s;
	(void)a;
	(void)n;
	return reply_str(out, "l");
}

/* qC  The current thread. */
static int cmd_current_thread(struct session *s, const char *a, size_t n,
			      struct reply *out)
{
	struct thread *th = session_thread(s, s->g_tid);

	(void)a;
	(void)n;
	if (!th)
		return -ESRCH;
	reply_str(out, "QC");
	return reply_ptid(s, out, th->proc->pid, th->tid);
}

/* qAttached[:pid]  1 if we attached (detach on quit), 0 if we started it. */
static int cmd_attached(struct session *s, const char *a, size_t n,
			struct reply *out)
{
	struct process *p = NULL;
	uint64_t pid;

	(void)n;
	if (*a == ':' && !hex_parse_u64_all(a + 1, &pid))
		p = target_find_process(s->t, (pid_t)pid);
	else
		p = target_first_process(s->t);
	if (!p)
		return -ESRCH;
	return reply_str(out, p->attached ? "1" : "0");
}

/* Parse "NN;NN;..." hex numbers below @max into a byte-per-entry set. */
static int parse_list(const char *a, bool *set, size_t max)
{
	while (*a) {
		uint64_t v;

		if (hex_parse_u64(&a, &v))
			return -EINVAL;
		if (v < max)
			set[v] = true;
		if (*a == ';')
			a++;
		else if (*a)
			return -EINVAL;
	}
	return 0;
}

/* QCatchSyscalls:1[;NN]... / QCatchSyscalls:0 */
static int cmd_catch_syscalls(struct session *s, const char *a, size_t n,
			      struct reply *out)
{
	static bool set[TARGET_MAX_SYSCALL];
	struct target *t = s->t;
	bool high;

	(void)n;
	if (!strcmp(a, ":0")) {
		t->catch_syscalls = false;
		return reply_str(out, "OK");
	}
	if (strncmp(a, ":1", 2) || (a[2] && a[2] != ';'))
		return -EINVAL;
	memset(set, 0, sizeof(set));
	high = false;
	for (const char *p = a[2] ? a + 3 : ""; *p; ) {
		uint64_t v;

		/* The kernel's syscall number is an int: more is no syscall. */
		if (hex_parse_u64(&p, &v) || v > INT32_MAX ||
		    (*p && (*p++ != ';' || !*p))) {
			out->errmsg = "QCatchSyscalls: a syscall number is not a 31-bit hex number";
			return -EINVAL;
		}
		if (v < TARGET_MAX_SYSCALL)
			set[v] = true;
		else
			high = true;	/* no bit for it: catch all of those */
	}
	memset(t->catch_set, 0, sizeof(t->catch_set));
	for (int i = 0; i < TARGET_MAX_SYSCALL; i++)
		if (set[i])
			t->catch_set[i / 8] |= (unsigned char)(1u << (i % 8));
	t->catch_any = !a[2];
	t->catch_high = high;
	t->catch_syscalls = true;
	return reply_str(out, "OK");
}

/* QPassSignals:NN;NN...  Deliver these without stopping. */
static int cmd_pass_signals(struct session *s, const char *a, size_t n,
			    struct reply *out)
{
	bool set[256] = { false };

	(void)n;
	if (*a++ != ':' || parse_list(a, set, 256))
		return -EINVAL;
	/* The list is in GDB's numbering. */
	memset(s->t->pass_signals, 0, sizeof(s->t->pass_signals));
	for (int g = 1; g < 256; g++) {
		int sig = set[g] ? sig_from_gdb(g) : -1;

		if (sig > 0 && sig < TARGET_NSIG)
			s->t->pass_signals[sig] = true;
	}
	return reply_str(out, "OK");
}

/* QProgramSignals:NN;...  Signals GDB may ask us to deliver: all are fine. */
static int cmd_program_signals(struct session *s, const char *a, size_t n,
			       struct reply *out)
{
	bool set[256];

	(void)s;
	(void)n;
	if (*a++ != ':' || parse_list(a, set, 256))
		return -EINVAL;
	return reply_str(out, "OK");
}

/* QStartupWithShell:0|1 */
static int cmd_startup_shell(struct session *s, const char *a, size_t n,
			     struct reply *out)
{
	(void)n;
	if (strcmp(a, ":0") && strcmp(a, ":1"))
		return -EINVAL;
	s->use_shell = a[1] == '1';
	return reply_str(out, "OK");
}

/* Decode the hex string @a into a new C string.  Returns: it, or NULL. */
static char *hex_string(const char *a, int *err)
{
	size_t len = strlen(a);
	char *str;

	*err = -EINVAL;
	if (len % 2)
		return NULL;
	str = malloc(len / 2 + 1);
	if (!str) {
		*err = -ENOMEM;
		return NULL;
	}
	if (hex_decode(str, a, len / 2) || memchr(str, '\0', len / 2)) {
		free(str);
		return NULL;
	}
	str[len / 2] = '\0';
	return str;
}

/*
 * QEnvironmentReset  Programs started from now get the stub's own
 * environment again; GDB sends it before its sets and unsets, each run.
 */
static int cmd_env_reset(struct session *s, const char *a, size_t n,
			 struct reply *out)
{
	(void)n;
	if (*a)
		return -EINVAL;
	if (env_reset(&s->env, environ))
		return -ENOMEM;
	return reply_str(out, "OK");
}

/* QEnvironmentHexEncoded:HEX(NAME=VALUE)  Set one variable. */
static int cmd_env_set(struct session *s, const char *a, size_t n,
		       struct reply *out)
{
	char *var;
	int err;

	(void)n;
	if (*a++ != ':' || !(var = hex_string(a, &err)))
		return *a ? err : -EINVAL;
	if (!s->env.v && env_reset(&s->env, environ))
		err = -ENOMEM;
	else
		err = env_set(&s->env, var);
	free(var);
	return err ? err : reply_str(out, "OK");
}

/* QEnvironmentUnset:HEX(NAME)  Remove one variable. */
static int cmd_env_unset(struct session *s, const char *a, size_t n,
			 struct reply *out)
{
	char *name;
	int err;

	(void)n;
	if (*a++ != ':' || !(name = hex_string(a, &err)))
		return -EINVAL;
	if (!s->env.v && env_reset(&s->env, environ))
		err = -ENOMEM;
	else
		err = env_unset(&s->env, name);
	free(name);
	return err ? err : reply_str(out, "OK");
}

/*
 * QSetWorkingDir:[HEX(DIR)]  The working directory of programs started
 * from now; empty: the stub's own.  Checked when a program starts (the
 * directory is the target's, and may appear later), as gdbserver does.
 */
static int cmd_set_cwd(struct session *s, const char *a, size_t n,
		       struct reply *out)
{
	char *dir = NULL;
	int err;

	(void)n;
	if (*a++ != ':')
		return -EINVAL;
	if (*a && !(dir = hex_string(a, &err)))
		return err;
	free(s->cwd);
	s->cwd = dir;
	return reply_str(out, "OK");
}

/* QDisableRandomization:0|1 */
static int cmd_disable_aslr(struct session *s, const char *a, size_t n,
			    struct reply *out)
{
	(void)n;
	if (strcmp(a, ":0") && strcmp(a, ":1"))
		return -EINVAL;
	s->t->disable_aslr = a[1] == '1';
	return reply_str(out, "OK");
}

/* qSymbol::  We look up no symbols. */
static int cmd_symbol(struct session *s, const char *a, size_t n,
		      struct reply *out)
{
	(void)s;
	(void)a;
	(void)n;
	return reply_str(out, "OK");
}

/* qRcmd,HEX  "monitor" commands; the reply is the hex-encoded output. */
static int cmd_monitor(struct session *s, const char *a, size_t n,
		       struct reply *out)
{
	char cmd[256], text[512];

	if (*a++ != ',' || (n - 1) % 2 || (n - 1) / 2 >= sizeof(cmd) ||
	    hex_decode(cmd, a, (n - 1) / 2))
		return -EINVAL;
	cmd[(n - 1) / 2] = '\0';
	if (!strcmp(cmd, "abi") || !strcmp(cmd, "mode")) {
		snprintf(text, sizeof(text), "syscall registers: %s\n",
			 target_abi_name(s->t));
	} else if (!strcmp(cmd, "version")) {
		snprintf(text, sizeof(text), "a64stub %s\n", s->opts->version_string);
	} else if (!strcmp(cmd, "help")) {
		snprintf(text, sizeof(text),
			 "monitor abi      how orig_x0/orig_x7 are obtained (kernel or emulated)\n"
			 "monitor version  the stub's version\n"
			 "monitor help     this list\n");
	} else {
		snprintf(text, sizeof(text), "unknown monitor command '%s': try 'monitor help'\n",
			 cmd);
	}
	return reply_hex(out, text, strlen(text));
}

/*
 * Not here on purpose, so they get the empty reply: LLDB's qHostInfo and
 * qProcessInfo.  LLDB 14 picks its signal table from the OS they name
 * (UnixSignals::Create), and with "linux" would read the signal numbers
 * of our stop replies as Linux's, while we send GDB's (SIGUSR1 is 30, not
 * 10).  Unanswered, it keeps GDB's numbering and names SIGUSR1 right
 * (seen with Debian's LLDB 14).  LLDB's other
 * probes (QThreadSuffixSupported, QListThreadsInStopReply, jThreadsInfo,
 * qMemoryRegionInfo, qShlibInfoAddr, x...) have gdbserver fallbacks.
 */
const struct cmd cmd_query_table[] = {
	{ "qRcmd", cmd_monitor },
	{ "qSupported", cmd_supported },
	{ "QStartNoAckMode", cmd_noack },
	{ "qXfer:features:read:", cmd_xfer_features },
	{ "qXfer:threads:read:", cmd_xfer_threads },
	{ "qXfer:auxv:read:", cmd_xfer_auxv },
	{ "qXfer:exec-file:read:", cmd_xfer_exec_file },
	{ "qXfer:siginfo:read:", cmd_xfer_siginfo },
	{ "qXfer:siginfo:write:", cmd_xfer_siginfo_write },
	{ "qXfer:osdata:read:", cmd_xfer_osdata },
	{ "qXfer:libraries-svr4:read:", cmd_xfer_svr4 },
	{ "qfThreadInfo", cmd_thread_first },
	{ "qsThreadInfo", cmd_thread_next },
	{ "qC", cmd_current_thread },
	{ "qAttached", cmd_attached },
	{ "QCatchSyscalls", cmd_catch_syscalls },
	{ "QPassSignals", cmd_pass_signals },
	{ "QProgramSignals", cmd_program_signals },
	{ "QStartupWithShell", cmd_startup_shell },
	{ "QDisableRandomization", cmd_disable_aslr },
	{ "QEnvironmentReset", cmd_env_reset },
	{ "QEnvironmentHexEncoded", cmd_env_set },
	{ "QEnvironmentUnset", cmd_env_unset },
	{ "QSetWorkingDir", cmd_set_cwd },
	{ "qSymbol", cmd_symbol },
	{ "qGetTLSAddr", cmd_tls_addr },
	{ "qMemTags:", cmd_memtags_read },
	{ "QMemTags:", cmd_memtags_write },
	{ NULL, NULL },
};
