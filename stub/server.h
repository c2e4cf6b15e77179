/* SPDX-License-Identifier: MIT */
/*
 * The protocol side: a session with one GDB client, its packets decoded
 * into calls on the target.  Handlers share one shape:
 *	static int cmd_xxx(struct session *s, const char *args, size_t len,
 *			   struct reply *out);
 * returning 0 (reply in @out) or -errno; one place, reply_error(), turns
 * -errno into the reply: empty for unsupported, "Exx" or "E.text" else.
 */
#ifndef A64STUB_SERVER_H
#define A64STUB_SERVER_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "conn.h"
#include "envlist.h"
#include "packet.h"
#include "target.h"

/* An unsupported packet: answered with the empty reply. */
#define ERR_UNSUPPORTED 10000

struct reply {
	char *buf;
	size_t len, cap;
	bool resumed;		/* the target runs: a stop reply comes later */
	bool no_reply;		/* send nothing (k in non-extended mode) */
	const char *errmsg;	/* sent as "E.errmsg" on error */
};

struct options {
	bool multi;
	bool attach;
	bool once;
	bool debug;
	bool use_shell;
	bool version;
	const char *version_string;
	const char *comm;
	char **argv;		/* program to launch, or NULL */
	pid_t attach_pid;	/* --attach PID, or 0 */
};

/*
 * How many files vFile may hold open at once.  GDB keeps one per object
 * file it reads (its BFD cache): the program and its shared libraries.
 */
#define FIO_MAX_FDS	256

struct session {
	struct target *t;
	struct conn *conn;
	const struct options *opts;
	struct pkt_rx rx;
	bool noack;
	bool noack_next;	/* QStartNoAckMode answered: no acks from now */
	bool use_shell;		/* start programs through a shell */
	bool extended;		/* '!' seen */
	bool multiprocess;	/* GDB said multiprocess+ */
	bool swbreak;		/* GDB said swbreak+ */
	bool hwbreak;		/* GDB said hwbreak+ */
	bool exec_events;	/* GDB said exec-events+ */
	bool vcont_t;		/* GDB knows vCont;t */
	bool quit;		/* end the session */
	pid_t g_tid;		/* Hg: thread for register access */
	pid_t c_tid;		/* Hc: thread for c/s */
	pid_t last_tid;		/* thread of the last stop reply */
	pid_t fs_pid;		/* vFile:setfs: whose file system */
	int fio_fds[FIO_MAX_FDS]; /* the descriptors vFile:open made */
	int fio_nfds;
	struct event last_ev;	/* the last stop, for '?' */
	bool have_last_ev;
	char **run_argv;	/* the last program run, for vRun with no name */
	struct envlist env;	/* programs' environment (QEnvironment*) */
	char *cwd;		/* programs' working directory, or NULL */
	char *osdata;		/* the "info os" table being read */
	size_t osdata_len;
	char *txbuf;		/* the last packet sent, for a '-' resend */
	size_t txlen;
	char *replybuf;
};

/* Close the files vFile opened for the client that is leaving. */
void fio_close_all(struct session *s);

/* Free what the session allocated (the stub is ending). */
void session_free(struct session *s);

/* Serve one connected client.  Returns: 0 when it leaves or must end. */
int server_run(struct session *s);

/*
 * Answer one decoded packet @pkt of @len bytes into @out (errors already
 * turned into their reply), or set out->resumed: the target runs and the
 * stop reply comes from target_wait().  No I/O of its own, so the socket
 * loop and the fuzz targets (fuzz/) share the same dispatch.
 */
void server_handle(struct session *s, const char *pkt, size_t len,
		   struct reply *out);

/* Reply helpers.  Returns: 0, or -ENOSPC when the reply is full. */
int reply_add(struct reply *r, const char *s, size_t n);
int reply_str(struct reply *r, const char *s);
int reply_printf(struct reply *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int reply_hex(struct reply *r, const void *data, size_t n);
int reply_binary(struct reply *r, const void *data, size_t n,
		 size_t *consumed);

/* Thread ids as the protocol writes them. */
struct ptid {
	pid_t pid;	/* -1: all, 0: any */
	pid_t tid;	/* -1: all, 0: any */
};
int ptid_parse(const char **p, struct ptid *id);
int reply_ptid(struct session *s, struct reply *r, pid_t pid, pid_t tid);

/* The thread 'g'/'p'/'m' act on.  Returns: it, or NULL. */
struct thread *session_thread(struct session *s, pid_t want);

/* Record @ev as the last stop and put its stop reply in @out.  Returns: 0. */
int session_report(struct session *s, const struct event *ev,
		   struct reply *out);

/* Build the stop reply for @ev into @r.  Returns: 0 or -errno. */
int stop_reply(struct session *s, const struct event *ev, struct reply *r);

/* Handler tables of the cmd_*.c files; looked up by packet name. */
typedef int (*cmd_fn)(struct session *s, const char *args, size_t len,
		      struct reply *out);
struct cmd {
	const char *name;	/* prefix, e.g. "qSupported" or "vCont" */
	cmd_fn fn;
};
extern const struct cmd cmd_query_table[];	/* q, Q */
extern const struct cmd cmd_v_table[];		/* v */
extern const struct cmd cmd_file_table[];	/* vFile: */

/* qGetTLSAddr (cmd_tls.c). */
int cmd_tls_addr(struct session *s, const char *a, size_t n, struct reply *o);

/* Single-letter packets. */
int cmd_regs_read_all(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_regs_write_all(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_reg_read(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_reg_write(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_mem_read(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_mem_write_hex(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_mem_write_bin(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_memtags_read(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_memtags_write(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_bp_insert(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_bp_remove(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_status(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_continue(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_continue_sig(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_step(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_step_sig(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_set_thread(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_thread_alive(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_kill(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_detach(struct session *s, const char *a, size_t n, struct reply *o);
int cmd_extended(struct session *s, const char *a, size_t n, struct reply *o);

/* Resume as @acts say for every thread (vCont and the old c/s). */
struct vcont_action {
	char kind;		/* 'c', 's' or 't' */
	int sig;
	struct ptid id;		/* which threads: pid/tid, -1 for all */
};
int session_resume(struct session *s, const struct vcont_action *acts,
		   int nacts, struct reply *out);

/* Attach for vAttach or --attach.  Returns: 0 or -errno. */
int session_attach(struct session *s, pid_t pid, struct reply *out);

/* Run a program for vRun or the command line.  Returns: 0 or -errno. */
int session_launch(struct session *s, char **argv, struct reply *out);

#endif
