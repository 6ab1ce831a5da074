import {appendFile, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {CommandRunner, RunResult} from '../../source/system/runner.js';
import {logTailsWhenChanged, readServiceLog} from '../../source/system/log-tail.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

// A runner that answers journalctl with `answer` and records what it was asked.
function journalAnswering(answer: Partial<RunResult> | Error) {
	const asked: string[][] = [];
	const commands: CommandRunner = {
		async run(argv) {
			asked.push([...argv]);
			if (answer instanceof Error) throw answer;
			return {ok: true, exitCode: 0, stdout: '', stderr: '', ...answer};
		},
		runForBytes: () => Promise.reject(new Error('not used')),
		has: async () => true,
	};
	return {commands, asked};
}

async function rootWithLog(text: string): Promise<string> {
	const root = await tempRoot();
	await mkdir(path.join(root, 'var/log/marathon'), {recursive: true});
	await writeFile(path.join(root, 'var/log/marathon/marathon.log'), text);
	return root;
}

const marathonLog = {journal: 'marathon' as const, files: ['/var/log/marathon/marathon.log']};

describe('a service’s log under systemd', () => {
	it('reads the unit’s journal first: its last lines, messages only', async () => {
		const fs = createTargetFs(await rootWithLog('from the file\n'));
		const {commands, asked} = journalAnswering({stdout: 'one\ntwo\n\nthree\n'});
		expect(await readServiceLog({fs, commands, sandbox: false}, marathonLog, 2)).toEqual({
			file: 'journalctl --quiet -u marathon.service -n 2 --no-pager -o cat',
			lines: ['two', 'three'],
		});
		expect(asked).toEqual([['journalctl', '--quiet', '-u', 'marathon.service', '-n', '2', '--no-pager', '-o', 'cat']]);
	});

	it('reads the file when the journal holds nothing for the unit, or cannot be read', async () => {
		const fs = createTargetFs(await rootWithLog('a\nb\nfrom the file\n'));
		const empty = journalAnswering({stdout: ''});
		expect(await readServiceLog({fs, commands: empty.commands, sandbox: false}, marathonLog, 2)).toEqual({file: '/var/log/marathon/marathon.log', lines: ['b', 'from the file']});
		const failing = journalAnswering({ok: false, exitCode: 1, stdout: '', stderr: 'Failed to open journal'});
		expect((await readServiceLog({fs, commands: failing.commands, sandbox: false}, marathonLog, 2)).file).toBe('/var/log/marathon/marathon.log');
		const missing = journalAnswering(new Error('journalctl: command not found'));
		expect((await readServiceLog({fs, commands: missing.commands, sandbox: false}, marathonLog, 2)).file).toBe('/var/log/marathon/marathon.log');
	});

	it('runs no journalctl in a sandbox root, nor for a service that logs only to files', async () => {
		const fs = createTargetFs(await rootWithLog('x\n'));
		const sandboxed = journalAnswering({stdout: 'journal line\n'});
		expect((await readServiceLog({fs, commands: sandboxed.commands, sandbox: true}, marathonLog, 5)).lines).toEqual(['x']);
		const filesOnly = journalAnswering({stdout: 'journal line\n'});
		expect(await readServiceLog({fs, commands: filesOnly.commands, sandbox: false}, {journal: null, files: ['/var/log/none.log']}, 5)).toEqual({file: null, lines: []});
		expect([...sandboxed.asked, ...filesOnly.asked]).toEqual([]);
	});
});

describe('the live screen’s log reader', () => {
	it('reads a log file again only once it changed, and a more specific file once it appears', async () => {
		const root = await rootWithLog('first\n');
		const fs = createTargetFs(root);
		const reads: string[] = [];
		const counted = {...fs, readEnd: async (target: string, maxBytes: number) => {
			reads.push(target);
			return fs.readEnd(target, maxBytes);
		}};
		const readLog = logTailsWhenChanged({fs: counted, commands: journalAnswering({stdout: ''}).commands, sandbox: true});
		const log = {journal: null, files: ['/var/log/marathon/marathon.INFO', '/var/log/marathon/marathon.log']};
		expect(await readLog(log, 5)).toEqual({file: '/var/log/marathon/marathon.log', lines: ['first']});
		const afterFirst = reads.length;
		expect(await readLog(log, 5)).toEqual({file: '/var/log/marathon/marathon.log', lines: ['first']});
		expect(reads.length).toBe(afterFirst);
		await appendFile(path.join(root, 'var/log/marathon/marathon.log'), 'second\n');
		expect(await readLog(log, 5)).toEqual({file: '/var/log/marathon/marathon.log', lines: ['first', 'second']});
		await writeFile(path.join(root, 'var/log/marathon/marathon.INFO'), 'specific\n');
		expect(await readLog(log, 5)).toEqual({file: '/var/log/marathon/marathon.INFO', lines: ['specific']});
	});
});
