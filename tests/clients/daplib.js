// SPDX-License-Identifier: MIT
/*
 * Helpers for the debug adapter tests (tests/clients/dap-*.js): the
 * checks and the one result line tests/check.sh counts (the same format as
 * lib.py's), VS Code's DAP test client with every event kept in order, the
 * adapter's process tree, and the lines of clients_prog.c.
 *
 * The npm packages come from $BUILD/dap (tests/clients/dap/package*.json,
 * installed there with `npm ci` by `make dap-deps`).
 *
 * Environment, as for lib.py: A64_PORT (the --multi stub), A64_PORT2 (the
 * plain stub serving clients_prog), A64_GUEST_DIR, BUILD, A64_KERNEL and
 * A64_CPU (the lane, KERNEL/CPU, named in the result line; logs in
 * BUILD/test-logs/KERNEL-CPU/, as tests/clients/lib.py has them).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const ENV = process.env;
const BUILD = ENV.BUILD || 'build';
const KERNEL = ENV.A64_KERNEL || 'stock';
const LANE = KERNEL + (ENV.A64_CPU ? '/' + ENV.A64_CPU : '');
const PORT = parseInt(ENV.A64_PORT || '1234', 10);
const PORT2 = parseInt(ENV.A64_PORT2 || '1235', 10);
const GUEST_DIR = ENV.A64_GUEST_DIR || '/extra';
const PROG = 'clients_prog';
const HOST_PROG = path.resolve(BUILD, 'extra', PROG);
const GUEST_PROG = GUEST_DIR + '/' + PROG;
const SRC = path.resolve(__dirname, 'clients_prog.c');
const X7_MAGIC = 0x7777777777777777n;
const DAP_DIR = path.resolve(BUILD, 'dap');

/* require() from $BUILD/dap/node_modules. */
const dapRequire = createRequire(path.join(DAP_DIR, 'package.json'));

class Checks {
	constructor(name) {
		this.name = name;
		this.n = 0;
		this.failed = [];
		this.t0 = Date.now();
		const dir = path.join(BUILD, 'test-logs', LANE.replace('/', '-'));
		fs.mkdirSync(dir, { recursive: true });
		this.logPath = path.join(dir, 'clients-' + name + '.log');
		this.fd = fs.openSync(this.logPath, 'w');
	}

	note(text) {
		for (const line of String(text).split('\n'))
			fs.writeSync(this.fd, '# ' + line + '\n');
	}

	check(ok, what, detail) {
		this.n++;
		fs.writeSync(this.fd, (ok ? 'ok ' : 'not ok ') + this.n + ' - ' + what + '\n');
		if (!ok) {
			this.failed.push([what, detail || '']);
			if (detail)
				fs.writeSync(this.fd, '#   ' + detail + '\n');
		}
		return !!ok;
	}

	eq(got, want, what) {
		return this.check(got === want, what,
			'expected ' + show(want) + ', got ' + show(got));
	}

	/* Returns: the exit code for the result line printed. */
	finish(error) {
		const ms = Date.now() - this.t0;
		if (error) {
			this.failed.push(['aborted', error]);
			this.note('aborted: ' + error);
		}
		const tag = 'clients/' + this.name + ' [' + LANE + ']';
		if (this.failed.length || this.n === 0) {
			const why = this.n ? this.failed.length + ' of ' + this.n + ' checks failed'
				: 'no checks ran';
			console.log('FAIL ' + tag + ' (' + why + ', ' + ms + ' ms; log: ' +
				this.logPath + ')');
			for (const [what, detail] of this.failed.slice(0, 10)) {
				console.log('    not ok - ' + what);
				if (detail)
					console.log('      ' + String(detail).slice(0, 300));
			}
			return 1;
		}
		console.log('PASS ' + tag + ' (' + this.n + ' checks, ' + ms + ' ms)');
		return 0;
	}
}

function show(v) {
	return typeof v === 'bigint' ? '0x' + v.toString(16) : JSON.stringify(v);
}

/* Run BODY(checks) (async); print the result line; exit 0 or 1. */
function main(name, body) {
	const c = new Checks(name);
	body(c).then(() => c.finish(null), (e) => {
		c.note(e && e.stack ? e.stack : String(e));
		return c.finish(String(e && e.message ? e.message : e));
	}).then((rc) => {
		fs.closeSync(c.fd);
		process.exit(rc);
	});
}

/*
 * A DebugClient that keeps every event: DebugClient.waitForEvent() only
 * sees events that come after it is called, and adapters send some (the
 * first stop, output) before the response to the request that caused them.
 */
function client(c, runtime, executable, type) {
	const { DebugClient } = dapRequire('@vscode/debugadapter-testsupport');
	const dc = new DebugClient(runtime, executable, type, { stdio: 'pipe' }, false);
	dc.defaultTimeout = 60000;
	dc.events = [];
	dc.waiters = [];
	const kinds = ['initialized', 'stopped', 'continued', 'exited', 'terminated',
		'output', 'breakpoint', 'thread', 'process', 'module'];
	for (const k of kinds) {
		dc.on(k, (ev) => {
			if (k === 'output')
				c.note('output [' + (ev.body.category || '') + ']: ' +
					String(ev.body.output).replace(/\n$/, ''));
			else
				c.note('event ' + k + ': ' + JSON.stringify(ev.body || {}));
			dc.events.push(ev);
			for (const w of dc.waiters.slice())
				w();
		});
	}
	/* The first unconsumed event of TYPE (and PRED), waiting up to MS. */
	dc.event = (type, ms, pred) => new Promise((resolve, reject) => {
		const look = () => {
			const i = dc.events.findIndex((e) => e.event === type && (!pred || pred(e)));
			if (i < 0)
				return false;
			const ev = dc.events[i];
			dc.events.splice(i, 1);
			dc.waiters = dc.waiters.filter((w) => w !== look);
			clearTimeout(timer);
			resolve(ev);
			return true;
		};
		const timer = setTimeout(() => {
			dc.waiters = dc.waiters.filter((w) => w !== look);
			reject(new Error('no "' + type + '" event after ' + ms + ' ms'));
		}, ms || dc.defaultTimeout);
		if (!look())
			dc.waiters.push(look);
	});
	/* Drop the events received so far (before a request whose events count). */
	dc.forget = () => { dc.events = []; };
	return dc;
}

/* The adapter's process (the test client keeps it private). */
function adapterProcess(dc) {
	return dc._adapterProcess;
}

/* [{pid, comm}] of PID and all its descendants, from /proc. */
function processTree(pid) {
	const out = [];
	const walk = (p) => {
		let comm;
		try {
			comm = fs.readFileSync('/proc/' + p + '/comm', 'utf8').trim();
		} catch (e) {
			return;
		}
		out.push({ pid: p, comm });
		let tasks = [];
		try {
			tasks = fs.readdirSync('/proc/' + p + '/task');
		} catch (e) {
			return;
		}
		for (const t of tasks) {
			let kids = '';
			try {
				kids = fs.readFileSync('/proc/' + p + '/task/' + t + '/children', 'utf8');
			} catch (e) {
				continue;
			}
			for (const k of kids.trim().split(/\s+/).filter(Boolean))
				walk(parseInt(k, 10));
		}
	};
	walk(pid);
	return out;
}

/* Whether PID still exists (a zombie counts: its parent has not reaped it). */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code !== 'ESRCH';
	}
}

/* Resolves once none of PIDS exists, or after MS; returns those left. */
function waitGone(pids, ms) {
	const deadline = Date.now() + ms;
	return new Promise((resolve) => {
		const poll = () => {
			const left = pids.filter(alive);
			if (!left.length || Date.now() > deadline)
				return resolve(left);
			setTimeout(poll, 50);
		};
		poll();
	});
}

/* Resolves with {code, signal} when the child process CP exits, or null after MS. */
function waitExit(cp, ms) {
	return new Promise((resolve) => {
		if (cp.exitCode !== null || cp.signalCode !== null)
			return resolve({ code: cp.exitCode, signal: cp.signalCode });
		const timer = setTimeout(() => resolve(null), ms);
		cp.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal });
		});
	});
}

/* The frames of thread TID: [{name, line, id}], the top first. */
async function stack(dc, tid) {
	const r = await dc.stackTraceRequest({ threadId: tid, startFrame: 0, levels: 20 });
	return r.body.stackFrames.map((f) => ({ name: f.name, line: f.line, id: f.id }));
}

/*
 * {name: BigInt} of the Registers scope of frame FID, as the Variables view
 * shows it: a flat list (cdt-gdb-adapter) or groups of registers (LLDB's
 * register sets, lldb-vscode), flattened.
 */
async function registers(c, dc, fid) {
	const sc = await dc.scopesRequest({ frameId: fid });
	const s = sc.body.scopes.find((x) => x.name === 'Registers');
	const regs = {};
	if (!c.check(s !== undefined, 'scopes: a Registers scope', JSON.stringify(sc.body)))
		return regs;
	const top = await dc.variablesRequest({ variablesReference: s.variablesReference });
	for (const x of top.body.variables) {
		if (!x.variablesReference) {
			regs[x.name] = num(x.value);
			continue;
		}
		const g = await dc.variablesRequest({ variablesReference: x.variablesReference });
		for (const y of g.body.variables)
			regs[y.name] = num(y.value);
	}
	return regs;
}

/*
 * End the session as VS Code does: "disconnect", then, if the adapter is
 * still there once the response came, SIGTERM to the adapter.  TREE is
 * the adapter's processes taken while it ran; those other than the adapter
 * (GDB) must be gone after the disconnect alone.
 * Returns: whether the adapter ended.
 */
async function endSession(c, dc, adapter, tree) {
	const r = await dc.disconnectRequest({});
	c.check(r.success, 'disconnect: success', r.message);
	const others = tree.filter((p) => p.pid !== adapter.pid);
	const left = await waitGone(others.map((p) => p.pid), 15000);
	c.eq(left.join(' '), '', 'disconnect: the debugger the adapter ran has exited (' +
		others.map((p) => p.pid + ' ' + p.comm).join(', ') + ')');
	let how = await waitExit(adapter, 2000);
	if (how === null) {
		c.note('the adapter is still there after disconnect: SIGTERM, as VS Code sends');
		adapter.kill('SIGTERM');
		how = await waitExit(adapter, 10000);
	}
	c.check(how !== null, 'the adapter has exited', JSON.stringify(how));
	return how !== null;
}

/*
 * The last check of a test: none of TREE (the adapter's processes, taken
 * while it ran) is left.  Unless the test got to its end (DONE), the
 * adapter and what it started are killed first: an adapter whose client
 * went away stays (cdt-gdb-adapter does, and keeps its GDB connected).
 */
async function reap(c, adapter, tree, done) {
	if (adapter && alive(adapter.pid))
		tree = tree.concat(processTree(adapter.pid));
	tree = tree.filter((p, i) => tree.findIndex((q) => q.pid === p.pid) === i);
	const pids = tree.map((p) => p.pid);
	if (!done)
		for (const pid of pids)
			try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone */ }
	const left = await waitGone(pids, 10000);
	c.eq(left.join(' '), '', 'no adapter or debugger process left (' +
		tree.map((p) => p.pid + ' ' + p.comm).join(', ') + ')');
	for (const pid of left)
		try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone meanwhile */ }
}

/* The line of clients_prog.c holding MARKER (a comment like L:add_sum). */
function srcLine(marker) {
	const lines = fs.readFileSync(SRC, 'utf8').split('\n');
	const i = lines.findIndex((l) => l.includes(marker));
	if (i < 0)
		throw new Error('no ' + marker + ' in ' + SRC);
	return i + 1;
}

/*
 * Wait until the plain stub on PORT2 runs clients_prog, stopped at its
 * start: lib.py's plain_stub() (it moves the stub past remote_cmdline).
 * Returns: null, or what went wrong.
 */
function plainStub() {
	const { spawnSync } = require('child_process');
	const r = spawnSync('python3', ['-c', 'import lib; lib.plain_stub()'],
		{ cwd: __dirname, encoding: 'utf8', timeout: 180000 });
	return r.status === 0 ? null : (r.stderr || r.error || 'status ' + r.status);
}

/* A BigInt from a register value as an adapter shows it (hex or decimal). */
function num(text) {
	const m = /^\s*(-?0x[0-9a-f]+|-?\d+)/i.exec(String(text));
	if (!m)
		return null;
	const s = m[1];
	return s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s);
}

/*
 * From the line breakpoint at main's call of add(): stepIn into add, next
 * twice, with the stack, the lines and watch expressions checked on the
 * way (clients_prog.c's L:add_* lines).  The same for both adapters.
 */
async function stepThroughAdd(c, dc, tid, callAdd) {
	let st, frames, r;

	dc.forget();
	await dc.stepInRequest({ threadId: tid });
	st = await dc.event('stopped', 60000);
	c.eq(st.body.reason, 'step', 'stepIn: reason step');
	frames = await stack(dc, tid);
	c.eq(frames.slice(0, 2).map(f => f.name + ':' + f.line).join(' '),
		'add:' + srcLine('L:add_sum') + ' main:' + callAdd, 'stepIn: into add');
	r = await dc.evaluateRequest({ expression: 'a + b', context: 'watch', frameId: frames[0].id });
	c.eq(r.body.result, '42', 'watch a + b in add');

	dc.forget();
	await dc.nextRequest({ threadId: tid });
	st = await dc.event('stopped', 60000);
	c.eq(st.body.reason, 'step', 'next: reason step');
	frames = await stack(dc, tid);
	c.eq(frames[0].line, srcLine('L:add_counter'), 'next: the next line');
	r = await dc.evaluateRequest({ expression: 'sum', context: 'watch', frameId: frames[0].id });
	c.eq(r.body.result, '42', 'watch sum after next');
	r = await dc.evaluateRequest({ expression: 'counter', context: 'watch', frameId: frames[0].id });
	c.eq(r.body.result, '0', 'watch counter before its line');
	dc.forget();
	await dc.nextRequest({ threadId: tid });
	await dc.event('stopped', 60000);
	frames = await stack(dc, tid);
	c.eq(frames[0].line, srcLine('L:add_return'), 'next again: the return line');
	r = await dc.evaluateRequest({ expression: 'counter', context: 'watch', frameId: frames[0].id });
	c.eq(r.body.result, '42', 'watch counter after its line');
}

module.exports = {
	stepThroughAdd,
	BUILD, KERNEL, PORT, PORT2, GUEST_DIR, GUEST_PROG, HOST_PROG, PROG, SRC,
	X7_MAGIC, DAP_DIR, dapRequire, Checks, main, client, adapterProcess,
	processTree, alive, waitGone, waitExit, srcLine, plainStub, num, reap, endSession, stack, registers,
};
