// The full output of a run, every command line and outcome, at <root>/var/log/mesos-setup/<run-id>.log
// (a continued setup goes on in its log). The path is resolved inside the root once. Lines are kept
// in memory until the run starts to change something (open()): a run that only looked at the
// machine (preflight, or a person without root who only wanted to see) writes nothing. The file
// stays open while a step is applied (each line one write, not a folder check, an open and a close
// of its own) and is closed at the step's end (rest()), so a long-lived screen holds no file.
import {closeSync, constants, mkdirSync, openSync, writeSync} from 'node:fs';
import path from 'node:path';
import {codeOf} from './root-path.js';
import type {TargetFs} from './target-fs.js';

export const runLogDir = '/var/log/mesos-setup';

export type RunLog = {
	path: string;
	readonly opened: boolean;
	write(line: string): void;
	// Creates the file with the lines so far; every later line is appended as it comes. Throws
	// only where the log may not be written at all (permission denied), which a person must hear.
	open(): void;
	// Closes the file until the next line (a step ended).
	rest(): void;
	failure?: string;
};

const appendFlags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;

// `target`: the log's path under the root, when not the run's own file in runLogDir.
export function createRunLog(fs: TargetFs, runId: string, target = `${runLogDir}/${runId}.log`): RunLog {
	let file: string | undefined;
	let fd: number | undefined;
	let pending: string[] | undefined = [];
	// The folder is made at the first open only; a later step's open makes it again only if it went.
	let folderMade = false;
	const openFile = (host: string): number => {
		if (!folderMade) mkdirSync(path.dirname(host), {recursive: true, mode: 0o755});
		folderMade = true;
		return openSync(host, appendFlags, 0o644);
	};
	const append = (text: string): void => {
		if (fd === undefined) {
			file ??= fs.resolve(target).host;
			try {
				fd = openFile(file);
			} catch (error) {
				if (codeOf(error) !== 'ENOENT') throw error;
				folderMade = false;
				fd = openFile(file);
			}
		}
		// Synchronous on purpose: a killed run keeps every line written before it died.
		writeSync(fd, text);
	};
	const log: RunLog = {
		path: target,
		get opened() {
			return pending === undefined;
		},
		write(line) {
			const stamped = `${new Date().toISOString()} ${line}\n`;
			if (pending) {
				pending.push(stamped);
				return;
			}
			if (log.failure) return;
			try {
				append(stamped);
			} catch (error) {
				// The log is the record, not the work: a full disk stops the run at its next file write,
				// which names the file; the log says no more from here.
				log.failure = (error as Error).message;
			}
		},
		open() {
			if (!pending) return;
			const lines = pending.join('');
			pending = undefined;
			try {
				append(lines);
			} catch (error) {
				if (codeOf(error) === 'EACCES' || codeOf(error) === 'EPERM') throw error;
				log.failure = (error as Error).message;
			}
		},
		rest() {
			if (fd === undefined) return;
			const open = fd;
			fd = undefined;
			try {
				closeSync(open);
			} catch {
				// Every line is written already; a close that fails loses none of them.
			}
		},
	};
	return log;
}

export const noRunLog: RunLog = {path: '', opened: false, write: () => undefined, open: () => undefined, rest: () => undefined};
