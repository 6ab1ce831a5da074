// The full output of a run, every command line and outcome, at <root>/var/log/mesos-setup/<run-id>.log.
// Lines are kept in memory until the run starts to change something (open()): a run that only
// looked at the machine (preflight, or a person without root who only wanted to see) writes nothing.
import {appendFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import type {TargetFs} from './target-fs.js';

export const runLogDir = '/var/log/mesos-setup';

export type RunLog = {
	path: string;
	readonly opened: boolean;
	write(line: string): void;
	// Creates the file with the lines so far; every later line is appended as it comes.
	open(): void;
};

export function createRunLog(fs: TargetFs, runId: string): RunLog {
	const target = `${runLogDir}/${runId}.log`;
	const file = fs.hostPath(target);
	let pending: string[] | undefined = [];
	return {
		path: target,
		get opened() {
			return pending === undefined;
		},
		write(line) {
			const stamped = `${new Date().toISOString()} ${line}\n`;
			if (pending) pending.push(stamped);
			// Synchronous on purpose: a killed run keeps every line written before it died.
			else appendFileSync(file, stamped);
		},
		open() {
			if (!pending) return;
			mkdirSync(path.dirname(file), {recursive: true, mode: 0o755});
			appendFileSync(file, pending.join(''));
			pending = undefined;
		},
	};
}

export const noRunLog: RunLog = {path: '', opened: false, write: () => undefined, open: () => undefined};
