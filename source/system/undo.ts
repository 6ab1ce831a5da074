// Undo as a person means it: the files of the last run back as they were (bytes, mode, owner), and
// the files and folders it made gone; the undo use case (use-cases/undo.ts) puts back the saved
// answers and progress. Everything is checked before anything is touched: the journal's shape,
// every backup's size and SHA-256, what is at each path now, and the free space it needs. Then the
// files the run made are removed first, which frees space, and the old ones are written back; a copy
// is kept only of a file edited by hand since the run (or that cannot be told: bytes a killed run
// never recorded), so undo needs no more room than what it puts back and those copies.
import {StepError} from '../model/errors.js';
import {type JournalEntry, type JournalFile, type UndoLine, unrecorded} from '../model/journal-record.js';
import {backupsDir, Journal, journalPath, sha256} from './journal.js';
import {lastUndoableRun} from './journal-reading.js';
import {formatBytes, type TargetFiles} from './target-fs.js';

// editedSince: by hand since the run; unknown: bytes of a killed run's that its journal never named.
export type Step = {entry: JournalEntry; now?: Buffer; backup?: Buffer; editedSince: boolean; unknown: boolean};

// File systems hand out space in blocks; a few bytes still take one.
const blocks = (bytes: number): number => Math.ceil(bytes / 4096) * 4096;

async function readBackups(fs: TargetFiles, run: JournalFile): Promise<{steps: Step[]; problems: string[]}> {
	const steps: Step[] = [];
	const problems: string[] = [];
	for (const entry of run.entries) {
		let now: Buffer | undefined;
		try {
			now = await fs.readBytes(entry.path);
		} catch (error) {
			problems.push(`${entry.path} cannot be put back: ${(error as Error).message}`);
			continue;
		}
		const asBefore = Boolean(entry.backupSha256) && now !== undefined && sha256(now) === entry.backupSha256;
		const editedSince = now !== undefined && entry.sha256 !== '' && sha256(now) !== entry.sha256 && !asBefore;
		const unknown = now !== undefined && entry.sha256 === '' && !asBefore;
		if (!entry.existed || !entry.backup) {
			steps.push({entry, ...(now ? {now} : {}), editedSince, unknown});
			continue;
		}
		const file = `${backupsDir}/${run.runId}/${entry.backup}`;
		let backup: Buffer | undefined;
		try {
			backup = await fs.readBytes(file);
		} catch (error) {
			problems.push(`the backup of ${entry.path} (${fs.hostPath(file)}) cannot be read: ${(error as Error).message}`);
			continue;
		}
		if (backup === undefined) problems.push(`the backup of ${entry.path} (${fs.hostPath(file)}) is missing`);
		else if (backup.length !== entry.size) problems.push(`the backup of ${entry.path} (${fs.hostPath(file)}) is damaged: ${backup.length} bytes, the journal says ${entry.size}`);
		else if (sha256(backup) !== entry.backupSha256) problems.push(`the backup of ${entry.path} (${fs.hostPath(file)}) is damaged: its SHA-256 is not the one the journal kept`);
		else steps.push({entry, ...(now ? {now} : {}), backup, editedSince, unknown});
	}
	return {steps, problems};
}

// Room needed: the copies of files edited since (or unrecorded), the largest file put back (one at
// a time, each through a temp file), and the journals rewritten. Room freed first: the files the
// run made.
async function checkSpace(fs: TargetFiles, run: JournalFile, steps: Step[]): Promise<void> {
	const copies = steps.filter(s => (s.editedSince || s.unknown) && s.now).reduce((sum, s) => sum + blocks(s.now?.length ?? 0), 0);
	const largest = Math.max(0, ...steps.map(s => blocks(s.backup?.length ?? 0)));
	const journal = blocks(JSON.stringify(run, null, 2).length + 1);
	const needed = copies + largest + 2 * journal + (copies > 0 ? journal : 0);
	const freed = steps.filter(s => !s.entry.existed && s.now && !s.editedSince && !s.unknown).reduce((sum, s) => sum + blocks(s.now?.length ?? 0), 0);
	const free = await fs.freeBytes(backupsDir);
	if (free + freed >= needed) return;
	throw new StepError(
		`the disk is too full to undo: putting back run ${run.runId}${copies > 0 ? ' and keeping a copy of the files edited since (or not recorded)' : ''} needs about ${formatBytes(needed)}; the file system that holds ${fs.hostPath(backupsDir)} has ${formatBytes(free)} free, and removing the files the run made frees ${formatBytes(freed)}`,
		[`Nothing was changed. Free at least ${formatBytes(needed - free - freed)} there, then run undo again.`],
	);
}

// keptIn: the folder (in the root) that holds the copies of files edited since, where any was kept.
export type UndoResult = {run?: JournalFile; lines: UndoLine[]; keptIn?: string};

// Everything undo checks before it touches anything: every backup there and whole, and the room it
// needs. The preview checks it too, so a dry run or the undo screen never offers an undo that
// would then refuse.
export async function checkUndo(fs: TargetFiles, run: JournalFile): Promise<Step[]> {
	const {steps, problems} = await readBackups(fs, run);
	if (problems.length > 0) {
		throw new StepError(`undo did not start: what run ${run.runId} needs to be put back is not all there`, [
			...problems,
			'Nothing was changed. Put the missing or damaged backups back from a copy, then run undo again.',
		]);
	}
	await checkSpace(fs, run, steps);
	return steps;
}

export async function undoLastRun(fs: TargetFiles, runId: string, now = new Date()): Promise<UndoResult> {
	const run = await lastUndoableRun(fs);
	if (!run) return {lines: []};
	return putBackRun(fs, run, await checkUndo(fs, run), runId, now);
}

// `run` put back from the steps checkUndo gave for it, by a caller that still holds the run lock it
// checked under (so nothing moved since): cluster undo checks every node before any node changes.
export async function putBackRun(fs: TargetFiles, run: JournalFile, steps: Step[], runId: string, now = new Date()): Promise<UndoResult & {run: JournalFile}> {

	// The hand edits (and unrecorded writes) are kept before anything changes, in an undo journal of
	// their own.
	const keep = new Journal(fs, runId, 'undo', now);
	const kept = steps.filter(s => (s.editedSince || s.unknown) && s.now);
	for (const step of kept) await keep.keep(step.entry.path);
	const lines = new Map<string, UndoLine>();
	for (const {entry, now: current, editedSince, unknown} of steps.filter(s => !s.entry.existed)) {
		if (current !== undefined) await fs.remove(entry.path);
		lines.set(entry.path, {path: entry.path, outcome: editedSince ? 'removed (it had been edited since)' : unknown ? `removed (${unrecorded})` : 'removed'});
	}
	// Innermost first; a folder that holds something else now stays.
	const made = [...new Set(steps.flatMap(s => s.entry.createdDirs))].sort((a, b) => b.length - a.length);
	for (const dir of made) await fs.removeEmptyDir(dir);
	for (const {entry, now: current, backup, editedSince, unknown} of steps.filter(s => s.entry.existed)) {
		const info = current === undefined ? undefined : await fs.info(entry.path);
		const same = current?.equals(backup ?? Buffer.alloc(0)) && info?.mode === entry.mode && info?.uid === entry.uid && info?.gid === entry.gid;
		if (!same) await fs.write(entry.path, backup ?? Buffer.alloc(0), entry.mode ?? 0o644, {uid: entry.uid ?? 0, gid: entry.gid ?? 0});
		lines.set(entry.path, {path: entry.path, outcome: editedSince ? 'restored (it had been edited since)' : unknown ? `restored (${unrecorded})` : 'restored'});
	}
	run.undone = now.toISOString();
	await fs.write(journalPath(run.runId), `${JSON.stringify(run, null, 2)}\n`, 0o600);
	return {run, lines: [...run.entries].reverse().flatMap(entry => lines.get(entry.path) ?? []), ...(kept.length > 0 ? {keptIn: keep.dir} : {})};
}
