#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * lldb-vscode (Debian's lldb, LLDB 14: the adapter of VS Code's LLDB
 * extension, it drives LLDB over gdb-remote itself), driven by VS Code's
 * DAP test client (@vscode/debugadapter-testsupport) against the plain
 * stub on A64_PORT2, which runs clients_prog (tests/gdb/autostart.c).
 *
 * The launch configuration is docs/ide.md's: request "attach" with
 * attachCommands ["gdb-remote HOST:PORT"], and in preRunCommands a
 * one-shot breakpoint at _start.  That one is needed because LLDB,
 * connecting to a program stopped at its entry point, takes the stop for
 * its own entry breakpoint and continues it (README, "LLDB quirks"), so
 * that the editor's breakpoints, set after the attach, would race with the
 * program; with a breakpoint of the user's there too, LLDB keeps it
 * stopped, and configurationDone lets it go on.  Then: function and
 * line breakpoints verified and hit, the stack, the Registers scope at a
 * syscall entry and return (asked for with the raw QCatchSyscalls packet
 * from the Debug Console, "`process plugin packet send ...": LLDB has no
 * catch syscall), watch expressions, stepIn and next, continue to the
 * exited event with the exit code, and no adapter process left.
 */
'use strict';
const fs = require('fs');
const L = require('./daplib');

const ADAPTERS = ['/usr/bin/lldb-vscode-14', '/usr/lib/llvm-14/bin/lldb-vscode', '/usr/bin/lldb-vscode'];

async function body(c) {
	const exe = ADAPTERS.find((p) => fs.existsSync(p));
	if (!c.check(exe !== undefined, 'lldb-vscode is installed (make deps: lldb)', ADAPTERS.join(' ')))
		return;
	const err = L.plainStub();
	if (!c.check(err === null, 'the plain stub serves clients_prog on port ' + L.PORT2, err))
		return;
	// env execs the adapter in its own place: the pid the client sees is
	// the adapter's (the test client wants a runtime and a script).
	const dc = L.client(c, '/usr/bin/env', exe, 'lldb-vscode');
	let tree = [];
	let adapter = null;
	let done = false;
	try {
		await dc.start();
		adapter = L.adapterProcess(dc);
		const init = await dc.initializeRequest({
			adapterID: 'lldb-vscode', clientID: 'vscode', linesStartAt1: true,
			columnsStartAt1: true, pathFormat: 'path',
		});
		c.check(init.body.supportsFunctionBreakpoints, 'initialize: function breakpoints');
		c.check(init.body.supportsConfigurationDoneRequest, 'initialize: configurationDone');

		const attach = dc.attachRequest({
			program: L.HOST_PROG,
			preRunCommands: ['breakpoint set --one-shot true --name _start'],
			attachCommands: ['gdb-remote 127.0.0.1:' + L.PORT2],
		});
		await dc.event('initialized', 120000);
		const a = await attach;
		c.check(a.success, 'attach (attachCommands gdb-remote): success', a.message);
		const pr = await dc.event('process', 10000);
		c.eq(pr.body.name, L.HOST_PROG, 'process event: the program');
		c.eq(pr.body.startMethod, 'attach', 'process event: attached');
		tree = L.processTree(adapter.pid);
		// Held at the entry point by the one-shot breakpoint, not running.
		let frames = await L.stack(dc, pr.body.systemProcessId);
		c.eq(frames.slice(0, 1).map(f => f.name).join(' '), '_start',
			'attach: the program waits at _start for the breakpoints');

		let r = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main' }] });
		c.eq(r.body.breakpoints[0].verified, true, 'setFunctionBreakpoints main: verified');
		c.eq(r.body.breakpoints[0].line, L.srcLine('L:main_write'),
			'setFunctionBreakpoints main: at its first line');
		const callAdd = L.srcLine('L:call_add');
		r = await dc.setBreakpointsRequest({ source: { path: L.SRC }, breakpoints: [{ line: callAdd }] });
		c.eq(r.body.breakpoints[0].verified, true, 'setBreakpoints at L:call_add: verified');
		c.eq(r.body.breakpoints[0].line, callAdd, 'setBreakpoints: the line asked for');

		dc.forget();
		await dc.configurationDoneRequest();
		let st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'breakpoint', 'configurationDone runs to main: reason');
		c.check(/^breakpoint \d+\.1$/.test(st.body.description || ''),
			'stopped: description "breakpoint N.1"', st.body.description);
		const tid = st.body.threadId;
		const th = await dc.threadsRequest();
		c.eq(th.body.threads.length, 1, 'threads: one');
		frames = await L.stack(dc, tid);
		c.eq(frames.slice(0, 1).map(f => f.name + ':' + f.line).join(' '),
			'main:' + L.srcLine('L:main_write'), 'stack at main');
		let regs = await L.registers(c, dc, frames[0].id);
		for (const n of ['orig_x0', 'orig_x7', 'syscallno'])
			c.check(n in regs, 'Registers scope lists ' + n, Object.keys(regs).join(' '));
		c.eq(regs.syscallno, 0xffffffffn, 'Registers at main: syscallno is -1 (not in a syscall)');

		// The Debug Console: a command is prefixed with a backtick.
		r = await dc.evaluateRequest({ expression: '`process plugin packet send QCatchSyscalls:1;40',
			context: 'repl', frameId: frames[0].id });
		c.check(/response: OK/.test(r.body.result), 'Debug Console: QCatchSyscalls:1;40 (write) accepted',
			r.body.result);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		st = await dc.event('stopped', 60000);
		// LLDB shows the syscall stop as SIGTRAP: lldb-vscode says "exception".
		c.eq(st.body.reason, 'exception', 'continue: stops at the write\'s entry (SIGTRAP: exception)');
		frames = await L.stack(dc, tid);
		c.eq(frames.slice(0, 2).map(f => f.name + ':' + f.line).join(' '),
			'raw_write:' + L.srcLine('L:after_svc') + ' main:' + L.srcLine('L:main_write'),
			'stack at the syscall entry: raw_write, main');
		regs = await L.registers(c, dc, frames[0].id);
		c.eq(regs.x0, 1n, 'entry: Registers x0 = 1 (fd)');
		c.eq(regs.x2, 15n, 'entry: Registers x2 = 15 (length)');
		c.eq(regs.x7, 0n, 'entry: Registers x7 = 0 (the kernel\'s marker)');
		c.eq(regs.orig_x0, 1n, 'entry: Registers orig_x0 = 1 (the first argument)');
		c.eq(regs.orig_x7, L.X7_MAGIC, 'entry: Registers orig_x7 = the real x7');
		c.eq(regs.syscallno, 64n, 'entry: Registers syscallno = 64 (write)');
		r = await dc.evaluateRequest({ expression: '$orig_x7', context: 'watch', frameId: frames[0].id });
		c.eq(r.body.result, L.X7_MAGIC.toString(), 'watch $orig_x7 at the entry');

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'exception', 'continue: stops at the write\'s return');
		frames = await L.stack(dc, tid);
		regs = await L.registers(c, dc, frames[0].id);
		c.eq(regs.x0, 15n, 'return: Registers x0 = 15 (the result)');
		c.eq(regs.x7, 1n, 'return: Registers x7 = 1 (the kernel\'s marker)');
		c.eq(regs.orig_x0, 1n, 'return: Registers orig_x0 = 1');
		c.eq(regs.orig_x7, L.X7_MAGIC, 'return: Registers orig_x7 = the real x7');
		c.eq(regs.syscallno, 64n, 'return: Registers syscallno = 64');
		r = await dc.evaluateRequest({ expression: '`process plugin packet send QCatchSyscalls:0',
			context: 'repl', frameId: frames[0].id });
		c.check(/response: OK/.test(r.body.result), 'Debug Console: QCatchSyscalls:0 accepted',
			r.body.result);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'breakpoint', 'continue: the line breakpoint is hit');
		frames = await L.stack(dc, tid);
		c.eq(frames.slice(0, 1).map(f => f.name + ':' + f.line).join(' '), 'main:' + callAdd,
			'stack at the line breakpoint');

		await L.stepThroughAdd(c, dc, tid, callAdd);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		const ex = await dc.event('exited', 60000);
		c.eq(ex.body.exitCode, 42, 'continue: exited event, exit code 42');
		await dc.event('terminated', 30000);
		c.check(true, 'continue: terminated event');

		tree = tree.concat(L.processTree(adapter.pid));
		done = await L.endSession(c, dc, adapter, tree);
	} finally {
		await L.reap(c, adapter, tree, done);
	}
}

L.main('dap-lldb', body);
