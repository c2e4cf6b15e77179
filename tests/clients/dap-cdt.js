#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Eclipse CDT's debug adapter (cdt-gdb-adapter, the adapter of Theia and
 * of VS Code's "CDT GDB Debug Adapter" extension; it drives gdb-multiarch
 * over GDB/MI), driven by VS Code's own DAP test client
 * (@vscode/debugadapter-testsupport) as the editor drives it, against the
 * --multi stub on A64_PORT.
 *
 * The launch configuration is docs/ide.md's "gdbtarget" one: request
 * "attach", target type extended-remote, `set remote exec-file` and
 * `starti` in initCommands (the program then waits at its first
 * instruction for the breakpoints; configurationDone continues it).  Then:
 * function and line breakpoints verified and hit, the stack, the Registers
 * scope at a `catch syscall write` entry and return (typed in the Debug
 * Console as ">catch syscall write"), watch expressions, stepIn and next,
 * continue to the exit code (in the Debug Console: this adapter sends no
 * "exited" event) and "terminated", and no adapter or GDB process left after
 * disconnect.
 */
'use strict';
const path = require('path');
const L = require('./daplib');

const ADAPTER = path.join(L.DAP_DIR, 'node_modules', 'cdt-gdb-adapter', 'dist',
	'debugTargetAdapter.js');

async function body(c) {
	const dc = L.client(c, process.execPath, ADAPTER, 'gdbtarget');
	let tree = [];
	let adapter = null;
	let done = false;
	try {
		await dc.start();
		adapter = L.adapterProcess(dc);
		const init = await dc.initializeRequest({
			adapterID: 'gdbtarget', clientID: 'vscode', linesStartAt1: true,
			columnsStartAt1: true, pathFormat: 'path',
		});
		c.check(init.body.supportsFunctionBreakpoints, 'initialize: function breakpoints');
		c.check(init.body.supportsConfigurationDoneRequest, 'initialize: configurationDone');

		const attach = dc.attachRequest({
			gdb: 'gdb-multiarch',
			program: L.HOST_PROG,
			preConnectCommands: ['set startup-with-shell off', 'set sysroot',
				'source ' + path.resolve(__dirname, '..', '..', 'gdbinit')],
			target: { type: 'extended-remote', parameters: ['127.0.0.1:' + L.PORT] },
			initCommands: ['set remote exec-file ' + L.GUEST_PROG, 'starti'],
			logFile: path.resolve(L.BUILD, 'test-logs', L.KERNEL, 'clients-dap-cdt.adapter.log'),
		});
		await dc.event('initialized', 120000);
		const a = await attach;
		c.check(a.success, 'attach (gdbtarget, extended-remote): success', a.message);
		const conn = await dc.event('output', 10000,
			(e) => /^connected to extended-remote target/.test(e.body.output));
		c.eq(conn.body.output.trim(), 'connected to extended-remote target 127.0.0.1:' + L.PORT,
			'output: connected to the stub');
		tree = L.processTree(adapter.pid);
		c.eq(tree.map((p) => p.comm).join(' '), 'node gdb-multiarch',
			'the adapter runs gdb-multiarch');

		let r = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main' }] });
		c.eq(r.body.breakpoints.length === 1 && r.body.breakpoints[0].verified, true,
			'setFunctionBreakpoints main: verified');
		const callAdd = L.srcLine('L:call_add');
		r = await dc.setBreakpointsRequest({ source: { path: L.SRC }, breakpoints: [{ line: callAdd }] });
		c.eq(r.body.breakpoints[0].verified, true, 'setBreakpoints at L:call_add: verified');
		c.eq(r.body.breakpoints[0].line, callAdd, 'setBreakpoints: the line asked for');

		dc.forget();
		await dc.configurationDoneRequest();
		let st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'function breakpoint', 'configurationDone runs to main: reason');
		const tid = st.body.threadId;
		const th = await dc.threadsRequest();
		c.eq(th.body.threads.length, 1, 'threads: one');
		let frames = await L.stack(dc, tid);
		c.eq(frames.map(f => f.name + ':' + f.line).join(' '), 'main:' + L.srcLine('L:main_write'),
			'stack at main');
		let regs = await L.registers(c, dc, frames[0].id);
		for (const n of ['orig_x0', 'orig_x7', 'syscallno'])
			c.check(n in regs, 'Registers scope lists ' + n, Object.keys(regs).join(' '));
		c.eq(regs.syscallno, 0xffffffffn, 'Registers at main: syscallno is -1 (not in a syscall)');

		// The Debug Console: ">catch syscall write".
		dc.forget();
		r = await dc.evaluateRequest({ expression: '>catch syscall write', context: 'repl',
			frameId: frames[0].id });
		c.check(r.success, 'evaluate (repl) ">catch syscall write": success', r.message);
		const out = await dc.event('output', 10000, (e) => /Catchpoint \d+ \(syscall/.test(e.body.output));
		const m = /Catchpoint (\d+) \(syscall 'write' \[64\]\)/.exec(out.body.output);
		c.check(m !== null, 'the Debug Console says: Catchpoint N (syscall \'write\' [64])',
			out.body.output);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'generic', 'continue: stops at the write\'s entry (reason generic)');
		frames = await L.stack(dc, tid);
		c.eq(frames.map(f => f.name + ':' + f.line).join(' '),
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
		r = await dc.evaluateRequest({ expression: '>sv', context: 'repl', frameId: frames[0].id });
		c.check(r.success, 'evaluate (repl) ">sv" (gdbinit\'s syscall-view): success', r.message);
		const sv = await dc.event('output', 10000, (e) => /syscall write/.test(e.body.output));
		c.check(/^syscall write \(64\) entry$/m.test(sv.body.output), 'sv: the header', sv.body.output);
		let svText = sv.body.output;
		while (!/x7 \(real\)/.test(svText))
			svText += (await dc.event('output', 10000)).body.output;
		c.check(/^ {2}x7 \(real\) {4}= 0x7777777777777777$/m.test(svText), 'sv: the real x7', svText);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'generic', 'continue: stops at the write\'s return');
		frames = await L.stack(dc, tid);
		regs = await L.registers(c, dc, frames[0].id);
		c.eq(regs.x0, 15n, 'return: Registers x0 = 15 (the result)');
		c.eq(regs.x7, 1n, 'return: Registers x7 = 1 (the kernel\'s marker)');
		c.eq(regs.orig_x0, 1n, 'return: Registers orig_x0 = 1');
		c.eq(regs.orig_x7, L.X7_MAGIC, 'return: Registers orig_x7 = the real x7');
		c.eq(regs.syscallno, 64n, 'return: Registers syscallno = 64');
		r = await dc.evaluateRequest({ expression: '>delete ' + (m ? m[1] : ''), context: 'repl',
			frameId: frames[0].id });
		c.check(r.success, 'evaluate (repl) ">delete N": the catchpoint is gone', r.message);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		st = await dc.event('stopped', 60000);
		c.eq(st.body.reason, 'breakpoint', 'continue: the line breakpoint is hit');
		frames = await L.stack(dc, tid);
		c.eq(frames.map(f => f.name + ':' + f.line).join(' '), 'main:' + callAdd,
			'stack at the line breakpoint');

		await L.stepThroughAdd(c, dc, tid, callAdd);

		dc.forget();
		await dc.continueRequest({ threadId: tid });
		// cdt-gdb-adapter sends no "exited" event: the exit code is in the
		// Debug Console (GDB's own line, the code in octal), then "terminated".
		const ex = await dc.event('output', 60000, (e) => /exited (normally|with code)/.test(e.body.output));
		c.check(/^\[Inferior 1 \(process \d+\) exited with code 052\]$/.test(ex.body.output.trim()),
			'continue: the Debug Console says the program exited with code 052 (42)', ex.body.output);
		await dc.event('terminated', 30000);
		c.check(true, 'continue: terminated event');

		tree = L.processTree(adapter.pid);
		done = await L.endSession(c, dc, adapter, tree);
	} finally {
		await L.reap(c, adapter, tree, done);
	}
}

L.main('dap-cdt', body);
