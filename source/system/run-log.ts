// The full output of a run, every command line and outcome, at <root>/var/log/mesos-setup/<run-id>.log
// (a continued setup goes on in its log). The path is resolved inside the root once.
import {closeSync, constants, mkdirSync, openSync, writeSync} from 'node:fs';
import path from 'node:path';
import type {TargetFs} from './target-fs.js';

export const runLogDir = '/var/log/mesos-setup';

export type RunLog = {path: string; write(line: string): void; failure?: string};

const appendFlags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;

export function createRunLog(fs: TargetFs, runId: string): RunLog {
	const target = `${runLogDir}/${runId}.log`;
	let file: string | undefined;
	const log: RunLog = {
		path: target,
		write(line) {
			if (log.failure) return;
			try {
				if (!file) {
					file = fs.resolve(target).host;
					mkdirSync(path.dirname(file), {recursive: true, mode: 0o755});
				}
				// Synchronous on purpose: a killed run keeps every line written before it died.
				const fd = openSync(file, appendFlags, 0o644);
				try {
					writeSync(fd, `${new Date().toISOString()} ${line}\n`);
				} finally {
					closeSync(fd);
				}
			} catch (error) {
				// The log is the record, not the work: a full disk stops the run at its next file write,
				// which names the file; the log says no more from here.
				log.failure = (error as Error).message;
			}
		},
	};
	return log;
}

export const noRunLog: RunLog = {path: '', write: () => undefined};
