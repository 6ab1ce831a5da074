// The last lines of a service's log: its unit's journal under systemd (journalctl, on this machine
// or on a node), else read from the end of its file (TargetFiles.readEnd): logs grow large, and the
// status screen reads them every two seconds.
import type {ServiceLog} from '../model/plan.js';
import {journalTailCommand} from '../model/services.js';
import {cleanLine} from '../model/terminal-text.js';
import {filesSignature} from './file-signature.js';
import type {System} from './system.js';
import type {TargetFiles} from './target-fs.js';

// `file` names where the lines came from (a file, or the journal command), null when no log was found.
export type LogTail = {file: string | null; lines: string[]};

const keptLines = (text: string, lines: number): string[] => {
	const kept = text
		.split('\n')
		.map(cleanLine)
		.filter(line => line.trim().length > 0);
	return lines > 0 ? kept.slice(-lines) : [];
};

// The first of `files` that exists (the catalogue lists them most specific first).
export async function readLogTail(fs: TargetFiles, files: readonly string[], lines: number, maxBytes = 16_384): Promise<LogTail> {
	for (const file of files) {
		const text = await fs.readEnd(file, maxBytes);
		if (text === undefined) continue;
		return {file, lines: keptLines(text, lines)};
	}
	return {file: null, lines: []};
}

// journalctl answers quickly; a journal being rotated may take a moment more.
const journalTimeoutMs = 5000;

// The unit's journal when it holds lines for it, else its files. A sandbox runs no command, so
// there only the files are read.
export async function readServiceLog(system: Pick<System, 'fs' | 'commands' | 'sandbox'>, log: ServiceLog, lines: number, maxBytes = 16_384): Promise<LogTail> {
	if (log.journal && !system.sandbox && lines > 0) {
		const argv = journalTailCommand(log.journal, lines);
		try {
			const result = await system.commands.run(argv, {timeoutMs: journalTimeoutMs});
			const kept = result.ok ? keptLines(result.stdout, lines) : [];
			if (kept.length > 0) return {file: argv.join(' '), lines: kept};
		} catch {
			// No journal to read (journalctl missing, or it timed out): the files may still say something.
		}
	}
	return readLogTail(system.fs, log.files, lines, maxBytes);
}

export type LogReader = (log: ServiceLog, lines: number) => Promise<LogTail>;

// For the live status screen, which asks every 2 s, and its full log view: a log kept in files is read
// again only when one of its files changed (file-signature.ts); until then the lines read last stand.
// A unit's journal is asked each time (journalctl says nothing of what changed without being run).
// `maxBytes`: how much of a file's end is read.
export function logTailsWhenChanged(system: Pick<System, 'fs' | 'commands' | 'sandbox'>, maxBytes = 16_384): LogReader {
	const last = new Map<string, {signature: string; tail: LogTail}>();
	return async (log, lines) => {
		if (log.journal && !system.sandbox && lines > 0) return readServiceLog(system, log, lines, maxBytes);
		const key = `${lines} ${log.files.join(' ')}`;
		const signature = filesSignature(system.fs, log.files);
		const kept = last.get(key);
		if (kept?.signature === signature) return kept.tail;
		const tail = await readLogTail(system.fs, log.files, lines, maxBytes);
		last.set(key, {signature, tail});
		return tail;
	};
}
