// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_io.h"
#include "fake_target.h"
#include "harness.h"

struct session *fuzz_begin(struct fuzz_ctx *c)
{
	static char txbuf[PKT_MAX + 8], replybuf[PKT_MAX + 1];
	static char prog[] = "/fuzz/prog";
	char *argv[] = { prog, NULL };
	struct reply r = { .buf = replybuf, .cap = PKT_MAX };
	struct session *s = &c->s;

	fake_target_init(&c->t);
	memset(&c->opts, 0, sizeof(c->opts));
	c->opts.multi = true;
	c->opts.version_string = "fuzz";
	memset(s, 0, sizeof(*s));
	s->t = &c->t;
	s->conn = &c->conn;
	s->opts = &c->opts;
	s->txbuf = txbuf;
	s->replybuf = replybuf;
	fuzz_check(!session_launch(s, argv, &r), "launch");
	return s;
}

void fuzz_end(struct fuzz_ctx *c)
{
	if (c->s.run_argv) {
		for (char **p = c->s.run_argv; *p; p++)
			free(*p);
		free(c->s.run_argv);
	}
	/* What the QEnvironment*, QSetWorkingDir and osdata packets kept. */
	env_free(&c->s.env);
	free(c->s.cwd);
	free(c->s.osdata);
	fake_target_reset(&c->t);
	fake_io_reset();
}

const char *fuzz_packet(struct fuzz_ctx *c, const char *pkt, size_t n,
			size_t *len)
{
	struct reply out = { .buf = c->s.replybuf, .cap = PKT_MAX };
	struct event ev;
	int ret;

	server_handle(&c->s, pkt, n, &out);
	fuzz_check(out.len <= out.cap, "reply overflow");
	if (out.resumed) {
		/* As wait_stop(): the next stop, or "N" when none can come. */
		ret = target_wait(c->s.t, -1, &ev);
		out.len = 0;
		if (ret == 1)
			session_report(&c->s, &ev, &out);
		else
			reply_str(&out, "N");
	}
	fuzz_check(out.len <= out.cap, "reply overflow");
	*len = out.len;
	return out.buf;
}
