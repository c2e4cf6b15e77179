// SPDX-License-Identifier: MIT
/*
 * A session with one GDB client: read packets, dispatch them, send
 * replies; while the program runs, wait for its next stop and for ^C.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arm64.h"
#include "hex.h"
#include "packet.h"
#include "regs.h"
#include "server.h"
#include "signals.h"
#include "target.h"

#define STR2(x) #x
#define STR(x) STR2(x)
#define TOO_LONG_MSG "E.packet longer than PacketSize (" STR(PKT_MAX) " bytes)"

/* ---- replies ---- */

int reply_add(struct reply *r, const char *s, size_t n)
{
	if (r->len + n > r->cap)
		return -ENOSPC;
	memcpy(r->buf + r->len, s, n);
	r->len += n;
	return 0;
}

int reply_str(struct reply *r, const char *s)
{
	return reply_add(r, s, strlen(s));
}

int reply_printf(struct reply *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(r->buf + r->len, r->cap - r->len + 1, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n > r->cap - r->len)
		return -ENOSPC;
	r->len += (size_t)n;
	return 0;
}

int reply_hex(struct reply *r, const void *data, size_t n)
{
	ssize_t w = hex_encode(r->buf + r->len, r->cap - r->len, data, n);

	if (w < 0)
		return (int)w;
	r->len += (size_t)w;
	return 0;
}

int reply_binary(struct reply *r, const void *data, size_t n, size_t *consumed)
{
	r->len += pkt_escape(r->buf + r->len, r->cap - r->len, data, n,
			     consumed);
	return 0;
}

/* The one place where -errno becomes a reply. */
static void reply_error(struct reply *r, int err)
{
	r->len = 0;
	if (err == -ERR_UNSUPPORTED)
		return;		/* the empty reply: "not supported" */
	if (r->errmsg) {
		reply_printf(r, "E.%s", r->errmsg);
		return;
	}
	reply_printf(r, "E%02x", (-err) & 0xff);
}

/* ---- thread ids ---- */

static int parse_id(const char **p, pid_t *v)
{
	uint64_t u;

	if (**p == '-' && (*p)[1] == '1') {
		*p += 2;
		*v = -1;
		return 0;
	}
	if (hex_parse_u64(p, &u) || u > 0x7fffffff)
		return -EINVAL;
	*v = (pid_t)u;
	return 0;
}

int ptid_parse(const char **p, struct ptid *id)
{
	if (**p == 'p') {
		(*p)++;
		if (parse_id(p, &id->pid))
			return -EINVAL;
		id->tid = -1;
		if (**p == '.') {
			(*p)++;
			return parse_id(p, &id->tid);
		}
		return 0;
	}
	id->pid = -1;
	return parse_id(p, &id->tid);
}

int reply_ptid(struct session *s, struct reply *r, pid_t pid, pid_t tid)
{
	if (s->multiprocess)
		return reply_printf(r, "p%x.%x", pid, tid);
	return reply_printf(r, "%x", tid);
}

struct thread *session_thread(struct session *s, pid_t want)
{
	struct thread *th = NULL;
	struct process *p;

	if (want > 0)
		th = target_find_thread(s->t, want);
	if (!th && s->last_tid > 0)
		th = target_find_thread(s->t, s->last_tid);
	if (!th) {
		p = target_first_process(s->t);
		if (p)
			th = target_find_thread(s->t, p->pid);
		if (!th && p)
			th = p->threads;
	}
	return th;
}

/* ---- stop replies ---- */

static int expedite(struct session *s, struct thread *th, struct reply *r)
{
	static const enum reg_id regs[] = ARM64_EXPEDITE;
	const struct reg_layout *l = target_reg_layout(s->t, th);
	uint64_t v;
	int err;

	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		int regno = l->num[regs[i]];

		if (regno < 0 || target_reg_read(s->t, th, (unsigned int)regno, &v))
			continue;
		err = reply_printf(r, "%x:", regno);
		if (!err)
			err = reply_hex(r, &v, sizeof(v));
		if (!err)
			err = reply_str(r, ";");
		if (err)
			return err;
	}
	return 0;
}

static int exec_path(struct thread *th, char *buf, size_t len)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/exe", th->proc->pid);
	n = readlink(link, buf, len - 1);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return 0;
}

int stop_reply(struct session *s, const struct event *ev, struct reply *r)
{
	struct thread *th = ev->thread;
	int sig = SIGTRAP;

	if (ev->kind == EV_EXITED || ev->kind == EV_SIGNALLED) {
		reply_printf(r, "%c%02x", ev->kind == EV_EXITED ? 'W' : 'X',
			     ev->kind == EV_EXITED ? ev->code & 0xff :
			     sig_to_gdb(ev->code));
		if (s->multiprocess)
			reply_printf(r, ";process:%x", ev->pid);
		return 0;
	}
	if (th->stop.kind == STOP_SIGNAL)
		sig = th->stop.signo;
	else if (ev->sigint)
		sig = SIGINT;
	else if (th->stop.kind == STOP_INTERRUPT)
		sig = 0;	/* stopped by us (attach, a new client): no signal */
	reply_printf(r, "T%02xthread:", sig_to_gdb(sig));
	reply_ptid(s, r, th->proc->pid, th->tid);
	reply_str(r, ";");
	expedite(s, th, r);
	if (ev->plain && th->stop.kind != STOP_SIGNAL) {
		/* T05 and no event: see cmd_status(). */
	} else if (th->stop.kind == STOP_FORK || th->stop.kind == STOP_VFORK) {
		reply_str(r, th->stop.kind == STOP_FORK ? "fork:" : "vfork:");
		reply_ptid(s, r, th->stop.child, th->stop.child);
		reply_str(r, ";");
	} else if (th->stop.kind == STOP_VFORK_DONE) {
		reply_str(r, "vforkdone:;");
	} else if (th->stop.kind == STOP_SYSCALL) {
		reply_printf(r, "%s:%x;", th->stop.entry ? "syscall_entry" :
			     "syscall_return", th->stop.sysno);
	} else if (ev->watch) {
		static const char *const reason[] = {
			[HW_WATCH_WRITE] = "watch",
			[HW_WATCH_READ] = "rwatch",
			[HW_WATCH_ACCESS] = "awatch",
		};

		reply_printf(r, "%s:%" PRIx64 ";", reason[ev->watch->type],
			     ev->watch_addr);
	} else if (ev->hwbreak && s->hwbreak) {
		reply_str(r, "hwbreak:;");
	} else if (ev->swbreak && s->swbreak) {
		reply_str(r, "swbreak:;");
	} else if (ev->exec && s->exec_events) {
		char path[4096];

		if (!exec_path(th, path, sizeof(path))) {
			reply_str(r, "exec:");
			reply_hex(r, path, strlen(path));
			reply_str(r, ";");
		}
	}
	return 0;
}

/* ---- packet I/O ---- */

static void log_packet(struct session *s, const char *dir, const char *data,
		       size_t len)
{
	if (!s->opts->debug)
		return;
	fprintf(stderr, "a64stub: %s %.*s\n", dir, (int)(len > 2000 ? 2000 : len),
		data);
}

static int send_packet(struct session *s, const char *payload, size_t len)
{
	ssize_t n = pkt_frame(s->txbuf, PKT_MAX + 8, payload, len);

	if (n < 0)
		return (int)n;
	s->txlen = (size_t)n;
	log_packet(s, "->", s->txbuf, s->txlen);
	return conn_write(s->conn, s->txbuf, s->txlen);
}

static int send_ack(struct session *s, char c)
{
	if (s->noack)
		return 0;
	return conn_write(s->conn, &c, 1);
}

/* ---- dispatch ---- */

static int dispatch_table(const struct cmd *table, struct session *s,
			  const char *pkt, size_t len, struct reply *out)
{
	for (const struct cmd *c = table; c->name; c++) {
		size_t n = strlen(c->name);

		if (len < n || memcmp(pkt, c->name, n))
			continue;
		/* The name must end here or at its separator. */
		if (len > n && pkt[n] != ':' && pkt[n] != ';' && pkt[n] != ',' && pkt[n] != '?' &&
		    c->name[n - 1] != ':' && c->name[n - 1] != ';')
			continue;
		return c->fn(s, pkt + n, len - n, out);
	}
	return -ERR_UNSUPPORTED;
}

static int dispatch(struct session *s, const char *pkt, size_t len,
		    struct reply *out)
{
	const char *a = pkt + 1;
	size_t n = len - 1;

	switch (pkt[0]) {
	case '!':	/* !  Enable extended mode */
		return cmd_extended(s, a, n, out);
	case '?':	/* ?  Why did the target stop */
		return cmd_status(s, a, n, out);
	case 'c':	/* c[addr]  Continue */
		return cmd_continue(s, a, n, out);
	case 'C':	/* Csig[;addr]  Continue with signal */
		return cmd_continue_sig(s, a, n, out);
	case 'D':	/* D[;pid]  Detach */
		return cmd_detach(s, a, n, out);
	case 'g':	/* g  Read all registers */
		return cmd_regs_read_all(s, a, n, out);
	case 'G':	/* GXX...  Write all registers */
		return cmd_regs_write_all(s, a, n, out);
	case 'H':	/* Hop thread-id  Set thread for later operations */
		return cmd_set_thread(s, a, n, out);
	case 'k':	/* k  Kill */
		return cmd_kill(s, a, n, out);
	case 'm':	/* maddr,length  Read memory */
		return cmd_mem_read(s, a, n, out);
	case 'M':	/* Maddr,length:XX...  Write memory (hex) */
		return cmd_mem_write_hex(s, a, n, out);
	case 'p':	/* pn  Read register n */
		return cmd_reg_read(s, a, n, out);
	case 'P':	/* Pn=r  Write register n */
		return cmd_reg_write(s, a, n, out);
	case 'q':
	case 'Q':
		return dispatch_table(cmd_query_table, s, pkt, len, out);
	case 's':	/* s[addr]  Step */
		return cmd_step(s, a, n, out);
	case 'S':	/* Ssig[;addr]  Step with signal */
		return cmd_step_sig(s, a, n, out);
	case 'T':	/* Tthread-id  Is the thread alive */
		return cmd_thread_alive(s, a, n, out);
	case 'v':
		if (len > 6 && !memcmp(pkt, "vFile:", 6))
			return dispatch_table(cmd_file_table, s, pkt, len, out);
		return dispatch_table(cmd_v_table, s, pkt, len, out);
	case 'X':	/* Xaddr,length:XX...  Write memory (binary) */
		return cmd_mem_write_bin(s, a, n, out);
	case 'z':	/* ztype,addr,kind  Remove breakpoint */
		return cmd_bp_remove(s, a, n, out);
	case 'Z':	/* Ztype,addr,kind  Insert breakpoint */
		return cmd_bp_insert(s, a, n, out);
	default:
		return -ERR_UNSUPPORTED;
	}
}

int session_report(struct session *s, const struct event *ev,
		   struct reply *out)
{
	out->len = 0;
	s->last_ev = *ev;
	s->have_last_ev = true;
	if (ev->kind == EV_STOP) {
		s->last_tid = ev->thread->tid;
		s->g_tid = s->c_tid = ev->thread->tid;
	} else {
		s->have_last_ev = false;
		s->last_tid = 0;
	}
	return stop_reply(s, ev, out);
}

/* Wait for the program to stop, answering ^C; then send the stop reply. */
static int wait_stop(struct session *s, struct reply *out)
{
	struct event ev;
	int ret;

	for (;;) {
		/*
		 * Input from GDB while the program runs.  Look at what is
		 * buffered first: GDB sends its ^C right after the resume
		 * packet, so both often arrive in one read, and target_wait()
		 * only polls the socket, which has nothing more to say.
		 */
		while (conn_pending(s->conn)) {
			unsigned char c = conn_getc(s->conn);

			if (pkt_rx_feed(&s->rx, c) == PKT_INTERRUPT)
				target_interrupt(s->t);
		}
		ret = target_wait(s->t, s->conn->rfd, &ev);
		if (ret == 1)
			break;
		if (ret < 0) {
			/* Nothing can stop any more: say so, as gdbserver does. */
			out->len = 0;
			return reply_str(out, "N");
		}
		ret = (int)conn_fill(s->conn, true);
		if (ret <= 0) {
			/* The client left: keep the program, stopped. */
			target_stop_all(s->t);
			s->quit = true;
			return -EPIPE;
		}
	}
	return session_report(s, &ev, out);
}

void server_handle(struct session *s, const char *pkt, size_t len,
		   struct reply *out)
{
	int ret;

	if (len == 0)
		return;		/* the empty packet gets the empty reply */
	ret = dispatch(s, pkt, len, out);
	if (ret < 0) {
		reply_error(out, ret);
		out->resumed = false;
	}
}

static int handle_packet(struct session *s)
{
	struct reply out = {
		.buf = s->replybuf,
		.cap = PKT_MAX,
	};
	int ret;

	log_packet(s, "<-", s->rx.buf, s->rx.len);
	if (send_ack(s, '+'))
		return -EPIPE;
	/*
	 * A program GDB detached from is still the stub's child: if it has
	 * ended since, reap it now rather than leave a zombie (one waitpid).
	 */
	target_poll(s->t);
	server_handle(s, s->rx.buf, s->rx.len, &out);
	if (out.resumed && wait_stop(s, &out) < 0)
		return -EPIPE;
	if (out.no_reply)
		return 0;
	ret = send_packet(s, out.buf, out.len);
	if (s->noack_next) {
		s->noack = true;
		s->noack_next = false;
	}
	return ret;
}

void session_free(struct session *s)
{
	if (s->run_argv) {
		for (char **a = s->run_argv; *a; a++)
			free(*a);
		free(s->run_argv);
		s->run_argv = NULL;
	}
	env_free(&s->env);
	free(s->cwd);
	s->cwd = NULL;
	free(s->osdata);
	s->osdata = NULL;
	free(s->txbuf);
	free(s->replybuf);
	s->txbuf = s->replybuf = NULL;
}

int server_run(struct session *s)
{
	pkt_rx_init(&s->rx);
	s->noack = false;
	s->noack_next = false;
	s->extended = false;
	s->use_shell = s->opts->use_shell;
	s->quit = false;
	/*
	 * A new client has no catchpoints yet (GDB sends QCatchSyscalls only
	 * when it inserts some): a filter left by the last client would stop
	 * its programs at syscalls it never asked for, each stop a round trip.
	 */
	s->t->catch_syscalls = false;
	/* A program may have died while no client was there: reap it now. */
	target_poll(s->t);

	while (!s->quit) {
		ssize_t n = conn_fill(s->conn, true);

		if (n <= 0)
			break;
		while (conn_pending(s->conn) && !s->quit) {
			switch (pkt_rx_feed(&s->rx, conn_getc(s->conn))) {
			case PKT_PACKET:
				if (handle_packet(s))
					s->quit = true;
				break;
			case PKT_BAD_CSUM:
				if (s->opts->debug)
					fprintf(stderr, "a64stub: bad checksum: NAK\n");
				send_ack(s, '-');
				break;
			case PKT_TOO_LONG:
				/* Resending would not help: say why instead. */
				send_ack(s, '+');
				send_packet(s, TOO_LONG_MSG, strlen(TOO_LONG_MSG));
				break;
			case PKT_NAK:
				/* In no-ack mode a '-' is noise, as for gdbserver. */
				if (!s->noack)
					conn_write(s->conn, s->txbuf, s->txlen);
				break;
			case PKT_INTERRUPT:
				/* Stopped already: nothing to interrupt. */
				break;
			default:
				break;
			}
		}
	}
	/* The next client cannot know these numbers: they would only leak. */
	fio_close_all(s);
	return 0;
}
