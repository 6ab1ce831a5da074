// The full output of a run, every command line and outcome, at <root>/var/log/mesos-setup/<run-id>.log.
import {appendFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import type {TargetFs} from './target-fs.js';

export const runLogDir = '/var/log/mesos-setup';

export type RunLog = {path: string; write(line: string): void};

export function createRunLog(fs: TargetFs, runId: string): RunLog {
	const target = `${runLogDir}/${runId}.log`;
	const file = fs.hostPath(target);
	let ready = false;
	return {
		path: target,
		write(line) {
			if (!ready) {
				mkdirSync(path.dirname(file), {recursive: true, mode: 0o755});
				ready = true;
			}
			// Synchronous on purpose: a killed run keeps every line written before it died.
			appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
		},
	};
}

export const noRunLog: RunLog = {path: '', write: () => undefined};
