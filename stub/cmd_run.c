// SPDX-License-Identifier: MIT
/*
 * Execution control: ?, c/C/s/S, vCont, H, T, k, vKill, D, !, vRun.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hex.h"
#include "server.h"
#include "signals.h"

/* ?  Why the target stopped: the last stop again, or W00 with nothing. */
int cmd_status(struct session *s, const char *a, size_t n, struct reply *out)
{
	struct event ev;
	struct thread *th;

	(void)a;
	(void)n;
	/*
	 * GDB asks `?` once, on connecting, and takes the answer as the
	 * program's state rather than as an event to act on: a fork event
	 * there does not parse (the child is unknown to it), a syscall stop
	 * would be let go on at once without a catchpoint.  A new client
	 * gets a plain SIGTRAP stop; the registers are the same, and a fork
	 * child shows up as a process of its own in the thread list.
	 */
	if (target_pending(s->t, &ev, false)) {
		ev.plain = true;
		return session_report(s, &ev, out);
	}
	th = session_thread(s, s->last_tid);
	/*
	 * The program ended while no client was there (killed, say): this
	 * client is the one to hear it, once; the exit is forgotten then.
	 */
	if (!th && target_take_exit(s->t, &ev))
		return session_report(s, &ev, out);
	if (!th) {
		/* Nothing runs: what gdbserver --multi answers too. */
		return reply_str(out, "W00");
	}
	if (s->have_last_ev && s->last_ev.kind == EV_STOP &&
	    s->last_ev.thread == th) {
		ev = s->last_ev;
	} else {
		/* Found stopped, e.g. by a new client: say where it is now. */
		memset(&ev, 0, sizeof(ev));
		ev.kind = EV_STOP;
		ev.thread = th;
		ev.pid = th->proc->pid;
	}
	ev.plain = true;
	return session_report(s, &ev, out);
}

static bool ptid_match(const struct ptid *id, const struct thread *th)
{
	if (id->pid > 0 && id->pid != th->proc->pid)
		return false;
	return id->tid <= 0 || id->tid == th->tid;
}

/* Returns: the first action of @acts that applies to @th, or NULL. */
static const struct vcont_action *action_for(const struct vcont_action *acts,
					     int nacts, const struct thread *th)
{
	/* GDB has not heard of it yet: it waits for its fork event. */
	if (th->proc->unannounced)
		return NULL;
	for (int i = 0; i < nacts; i++)
		if (ptid_match(&acts[i].id, th))
			return acts[i].kind == 't' ? NULL : &acts[i];
	return NULL;
}

int session_resume(struct session *s, const struct vcont_action *acts,
		   int nacts, struct reply *out)
{
	const struct vcont_action *act;
	struct event ev;
	bool any = false;
	int err;

	if (!target_first_process(s->t))
		return -ESRCH;
	target_begin_resume(s->t);
	/*
	 * The end of a process that this resume does not name waits for one
	 * that does: GDB stepping one thread over a breakpoint does not
	 * expect another process's exit (GDB 13 then loses track of what it
	 * resumed: "No unwaited-for children left"; gdbserver too keeps such
	 * a status pending).
	 */
	for (int i = 0; i < s->t->nexits; i++) {
		struct event *x = &s->t->exits[i];

		x->held = true;
		for (int a = 0; a < nacts; a++)
			if (acts[a].kind != 't' &&
			    (acts[a].id.pid <= 0 || acts[a].id.pid == x->pid))
				x->held = false;
	}
	for (struct process *p = target_first_process(s->t); p; p = p->next)
		for (struct thread *th = p->threads; th; th = th->next)
			if (action_for(acts, nacts, th)) {
				target_mark_resumed(th);
				any = true;
			}
	if (!any)
		return -EINVAL;
	/*
	 * A stop that happened meanwhile in a thread GDB resumes now is
	 * reported before anything runs; others wait for their turn.
	 */
	if (target_pending(s->t, &ev, true))
		return session_report(s, &ev, out);
	s->have_last_ev = false;
	for (struct process *p = target_first_process(s->t); p; p = p->next) {
		for (struct thread *th = p->threads; th; th = th->next) {
			struct resume_action ra;

			act = action_for(acts, nacts, th);
			if (!act)
				continue;
			ra.step = act->kind == 's';
			ra.sig = act->sig;
			err = target_resume(s->t, th, &ra);
			if (err)
				return err;
		}
	}
	out->resumed = true;
	return 0;
}

/*
 * The old resume packets: c/s act on the Hc thread (s steps it, the
 * others continue, as in all-stop); an address argument sets the pc.
 */
static int old_resume(struct session *s, const char *a, char kind, int sig,
		      struct reply *out)
{
	struct vcont_action acts[2];
	struct thread *th = session_thread(s, s->c_tid);
	uint64_t addr;

	if (!th)
		return -ESRCH;
	if (*a) {
		if (hex_parse_u64_all(a, &addr))
			return -EINVAL;
		if (target_reg_write(s->t, th, 32, &addr))
			return -EIO;
	}
	acts[0] = (struct vcont_action){ kind, sig, { th->proc->pid, th->tid } };
	acts[1] = (struct vcont_action){ 'c', 0, { -1, -1 } };
	return session_resume(s, acts, 2, out);
}

/* Two hex digits of a GDB signal number, returned as the Linux signal. */
static int parse_sig(const char **a, int *sig)
{
	uint64_t v;
	const char *p = *a;

	if (!isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]))
		return -EINVAL;
	if (hex_parse_u64(&p, &v) || p != *a + 2)
		return -EINVAL;
	*sig = sig_from_gdb((int)v);
	if (*sig < 0 || *sig >= TARGET_NSIG)
		return -EINVAL;
	*a = p;
	return 0;
}

int cmd_continue(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)n;
	return old_resume(s, a, 'c', 0, out);
}

int cmd_step(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)n;
	return old_resume(s, a, 's', 0, out);
}

static int resume_sig(struct session *s, const char *a, char kind,
		      struct reply *out)
{
	int sig;

	if (parse_sig(&a, &sig))
		return -EINVAL;
	if (*a == ';')
		a++;
	else if (*a)
		return -EINVAL;
	return old_resume(s, a, kind, sig, out);
}

int cmd_continue_sig(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	(void)n;
	return resume_sig(s, a, 'c', out);
}

int cmd_step_sig(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)n;
	return resume_sig(s, a, 's', out);
}

#define VCONT_MAX 64

/* vCont;action[:thread-id]...  Resume threads, each by its first match. */
static int cmd_vcont(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	struct vcont_action acts[VCONT_MAX];
	int nacts = 0;

	(void)n;
	if (*a == '?')
		return reply_str(out, "vCont;c;C;s;S;t");
	while (*a == ';') {
		struct vcont_action *act = &acts[nacts];

		if (nacts == VCONT_MAX)
			return -E2BIG;
		a++;
		act->kind = (char)(*a | 0x20);
		act->sig = 0;
		if (*a == 'c' || *a == 's' || *a == 't') {
			a++;
		} else if (*a == 'C' || *a == 'S') {
			a++;
			if (parse_sig(&a, &act->sig))
				return -EINVAL;
		} else {
			return -EINVAL;
		}
		act->id = (struct ptid){ -1, -1 };
		if (*a == ':') {
			a++;
			if (ptid_parse(&a, &act->id))
				return -EINVAL;
		}
		nacts++;
	}
	if (*a || !nacts)
		return -EINVAL;
	return session_resume(s, acts, nacts, out);
}

/* Hgthread-id / Hcthread-id  Pick the thread later packets act on. */
int cmd_set_thread(struct session *s, const char *a, size_t n,
		   struct reply *out)
{
	struct ptid id;
	char op = a[0];
	pid_t tid;

	(void)n;
	if (op != 'g' && op != 'c')
		return -EINVAL;
	a++;
	if (ptid_parse(&a, &id) || *a)
		return -EINVAL;
	tid = id.tid;
	if (tid > 0 && !target_find_thread(s->t, tid))
		return -ESRCH;
	if (tid <= 0 && id.pid > 0)
		tid = id.pid;	/* "pPID.-1" or "pPID.0": its main thread */
	if (op == 'g')
		s->g_tid = tid;
	else
		s->c_tid = tid;
	return reply_str(out, "OK");
}

/* Tthread-id  Is the thread alive. */
int cmd_thread_alive(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	struct ptid id;

	(void)n;
	if (ptid_parse(&a, &id) || *a || id.tid <= 0)
		return -EINVAL;
	if (!target_find_thread(s->t, id.tid))
		return -ESRCH;
	return reply_str(out, "OK");
}

static int kill_all(struct session *s)
{
	struct process *p;

	while ((p = target_first_process(s->t)))
		target_kill(s->t, p);
	s->have_last_ev = false;
	s->last_tid = 0;
	return 0;
}

/*
 * k  Kill.  Extended mode answers OK.  The plain protocol defines no reply
 * and GDB reads none (it closes the connection), but LLDB waits for one
 * and, without it, reports "failed to send the k packet" with a made-up
 * exit status: answer as lldb-server does, X09 (killed by SIGKILL).
 */
int cmd_kill(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)a;
	(void)n;
	kill_all(s);
	if (!s->extended) {
		if (!s->opts->multi)
			s->quit = true;
		return reply_printf(out, "X%02x", sig_to_gdb(SIGKILL));
	}
	return reply_str(out, "OK");
}

/* vKill;pid  Kill one process. */
static int cmd_vkill(struct session *s, const char *a, size_t n,
		     struct reply *out)
{
	struct process *p;
	uint64_t pid;

	(void)n;
	if (*a++ != ';' || hex_parse_u64_all(a, &pid))
		return -EINVAL;
	p = target_find_process(s->t, (pid_t)pid);
	/*
	 * Already ended, its end not yet reported (GDB was told of another
	 * process's end first): it is as dead as GDB wants it, and its
	 * W/X must not reach GDB, or the next client, later.
	 */
	if (!p && target_forget_exit(s->t, (pid_t)pid))
		return reply_str(out, "OK");
	if (!p)
		return -ESRCH;
	target_kill(s->t, p);
	if (s->last_tid && !target_find_thread(s->t, s->last_tid)) {
		s->have_last_ev = false;
		s->last_tid = 0;
	}
	return reply_str(out, "OK");
}

/* D[;pid]  Detach: the program runs on without us. */
int cmd_detach(struct session *s, const char *a, size_t n, struct reply *out)
{
	struct process *p;
	uint64_t pid;
	int err;

	(void)n;
	if (*a == ';') {
		a++;
		if (hex_parse_u64_all(a, &pid))
			return -EINVAL;
		p = target_find_process(s->t, (pid_t)pid);
	} else if (*a) {
		return -EINVAL;
	} else {
		p = target_first_process(s->t);
	}
	if (!p)
		return -ESRCH;
	if (s->last_tid && target_find_thread(s->t, s->last_tid) &&
	    target_find_thread(s->t, s->last_tid)->proc == p) {
		s->have_last_ev = false;
		s->last_tid = 0;
	}
	err = target_detach(s->t, p);
	if (err)
		return err;
	return reply_str(out, "OK");
}

/* !  Extended mode: the server stays when programs end, vRun works. */
int cmd_extended(struct session *s, const char *a, size_t n, struct reply *out)
{
	(void)a;
	(void)n;
	s->extended = true;
	return reply_str(out, "OK");
}

static void free_argv(char **argv)
{
	if (!argv)
		return;
	for (char **p = argv; *p; p++)
		free(*p);
	free(argv);
}

int session_launch(struct session *s, char **argv, struct reply *out)
{
	const char *shell;
	struct process *p;

	/*
	 * GDB's environment model: the stub's own environment, then the
	 * user's sets and unsets on top (QEnvironmentReset comes first).
	 */
	if (!s->env.v && env_reset(&s->env, environ))
		return -ENOMEM;
	s->t->use_shell = s->use_shell;
	/*
	 * The shell is the program's $SHELL when GDB set one (`set
	 * environment SHELL=...`), as a native GDB takes its own; else the
	 * stub's (target_init()).
	 */
	shell = env_get(&s->env, "SHELL");
	s->t->shell = shell && *shell ? shell : s->t->default_shell;
	s->t->envp = s->env.v;
	s->t->cwd = s->cwd;
	p = target_launch(s->t, argv);
	if (!p) {
		fprintf(stderr, "a64stub: %s\n", s->t->last_error);
		out->errmsg = s->t->last_error;
		return -ENOENT;
	}
	fprintf(stderr, "Process %s created; pid = %d\n", argv[0], p->pid);
	memset(&s->last_ev, 0, sizeof(s->last_ev));
	s->last_ev.kind = EV_STOP;
	s->last_ev.thread = p->threads;
	s->last_ev.pid = p->pid;
	s->have_last_ev = true;
	s->last_tid = s->g_tid = s->c_tid = p->pid;
	return 0;
}

/* vRun;filename[;argument]...  Start a program, arguments exactly as given. */
static int cmd_vrun(struct session *s, const char *a, size_t n,
		    struct reply *out)
{
	const char *end = a + n;
	char **argv;
	int argc = 0, err;

	for (const char *p = a; p < end; p++)
		argc += *p == ';';
	argv = calloc((size_t)argc + 1, sizeof(*argv));
	if (!argv)
		return -ENOMEM;
	for (int i = 0; i < argc; i++) {
		const char *f = ++a, *e = memchr(f, ';', (size_t)(end - f));
		size_t hlen;

		if (!e)
			e = end;
		hlen = (size_t)(e - f);
		argv[i] = malloc(hlen / 2 + 1);
		if (!argv[i] || hlen % 2 || hex_decode(argv[i], f, hlen / 2)) {
			free_argv(argv);
			return -EINVAL;
		}
		argv[i][hlen / 2] = '\0';
		a = e;
	}
	if (argc == 0 || !argv[0][0]) {
		/* No file name: run the last program again. */
		if (!s->run_argv || argc == 0) {
			free_argv(argv);
			out->errmsg = "no program to run: use 'set remote exec-file'";
			return -ENOENT;
		}
		free(argv[0]);
		argv[0] = strdup(s->run_argv[0]);
	}
	/* One program at a time in this mode: the old one goes. */
	kill_all(s);
	/*
	 * ... and its syscall filter with it: GDB sends QCatchSyscalls for
	 * the new process when it inserts catchpoints, and sends nothing
	 * when there are none (gdbserver keeps the filter per process).  A
	 * filter deleted while its process lived would otherwise stop the
	 * new program at every such syscall, each stop a hidden round trip.
	 */
	s->t->catch_syscalls = false;
	err = session_launch(s, argv, out);
	if (err) {
		free_argv(argv);
		return err;
	}
	free_argv(s->run_argv);
	s->run_argv = argv;
	return stop_reply(s, &s->last_ev, out);
}

int session_attach(struct session *s, pid_t pid, struct reply *out)
{
	struct process *p = target_attach(s->t, pid);

	if (!p) {
		fprintf(stderr, "a64stub: %s\n", s->t->last_error);
		out->errmsg = s->t->last_error;
		return -EPERM;
	}
	fprintf(stderr, "Attached; pid = %d\n", pid);
	memset(&s->last_ev, 0, sizeof(s->last_ev));
	s->last_ev.kind = EV_STOP;
	s->last_ev.thread = target_find_thread(s->t, pid);
	if (!s->last_ev.thread)
		s->last_ev.thread = p->threads;
	s->last_ev.pid = pid;
	s->have_last_ev = true;
	s->last_tid = s->g_tid = s->c_tid = s->last_ev.thread->tid;
	return 0;
}

/* vAttach;pid  Attach to a running process. */
static int cmd_vattach(struct session *s, const char *a, size_t n,
		       struct reply *out)
{
	uint64_t pid;
	int err;

	(void)n;
	if (*a++ != ';' || hex_parse_u64_all(a, &pid) || !pid || pid > 0x7fffffff)
		return -EINVAL;
	err = session_attach(s, (pid_t)pid, out);
	if (err)
		return err;
	return stop_reply(s, &s->last_ev, out);
}

const struct cmd cmd_v_table[] = {
	{ "vAttach", cmd_vattach },
	{ "vCont", cmd_vcont },
	{ "vKill", cmd_vkill },
	{ "vRun", cmd_vrun },
	{ NULL, NULL },
};
