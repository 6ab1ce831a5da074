// Every file an apply changes is recorded, with a copy of what it held before, under
// <root>/var/backups/mesos-setup/<run-id>/. `undo` replays the last run's journal backwards.
import {createHash, randomBytes} from 'node:crypto';
import path from 'node:path';
import type {ProgressBefore} from './state.js';
import type {TargetFs} from './target-fs.js';

export const backupsDir = '/var/backups/mesos-setup';

export type JournalEntry = {
	path: string;
	existed: boolean;
	backup?: string; // file name inside the run folder
	mode?: number; // the mode the old file had
	sha256: string; // of what this run wrote, to notice a later hand edit
	createdDirs: string[];
};

export type JournalFile = {
	runId: string;
	kind: 'apply' | 'undo';
	startedAt: string;
	undone?: string;
	entries: JournalEntry[];
	// The saved answers before this run, so undo puts them back with the files.
	answersBefore?: Record<string, string>;
	// A setup run only: its progress before it, so undo says whether the machine is still set up.
	progressBefore?: ProgressBefore;
};

export type WriteResult = 'created' | 'changed' | 'unchanged';

// Sortable, with milliseconds: two runs in one second (a setup, then an edit) must keep their order.
export const newRunId = (now: Date): string => `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export class Journal {
	private file: JournalFile;
	private saved = false;
	private loaded = false;

	constructor(
		private readonly fs: TargetFs,
		runId: string,
		kind: JournalFile['kind'] = 'apply',
		now = new Date(),
		answersBefore?: Record<string, string>,
		progressBefore?: ProgressBefore,
	) {
		this.file = {runId, kind, startedAt: now.toISOString(), entries: [], ...(answersBefore ? {answersBefore} : {}), ...(progressBefore ? {progressBefore} : {})};
	}

	// A resumed run keeps its id: what the killed run recorded stays in the journal, so undo
	// puts back the whole run and not only its second half.
	private async load(): Promise<void> {
		if (this.loaded) return;
		this.loaded = true;
		const text = await this.fs.read(`${this.dir}/journal.json`);
		if (!text) return;
		const earlier = JSON.parse(text) as JournalFile;
		this.file = {...earlier, entries: [...earlier.entries, ...this.file.entries]};
		this.saved = true;
	}

	get runId(): string {
		return this.file.runId;
	}

	get dir(): string {
		return `${backupsDir}/${this.file.runId}`;
	}

	get changed(): readonly JournalEntry[] {
		return this.file.entries;
	}

	// Writes a file safely; the old bytes are kept before the new ones land. An existing file keeps
	// its mode unless `exactMode` says otherwise; a new one gets `newFileMode`.
	async write(target: string, data: string | Buffer, modes: {newFileMode?: number; exactMode?: number} = {}): Promise<WriteResult> {
		const bytes = typeof data === 'string' ? Buffer.from(data) : data;
		if ((await this.fs.readBytes(target))?.equals(bytes)) return 'unchanged';
		return this.track(target, async oldMode => (await this.fs.write(target, bytes, modes.exactMode ?? oldMode ?? modes.newFileMode ?? 0o644)).createdDirs);
	}

	// Keeps a file's old bytes while something else changes it (apt-key rewriting trusted.gpg), so
	// undo can put it back like any file mesos-setup wrote itself.
	async track(target: string, change: (oldMode: number | undefined) => Promise<string[] | void>): Promise<WriteResult> {
		await this.load();
		const old = await this.fs.readBytes(target);
		const oldMode = old ? await this.fs.mode(target) : undefined;
		const entry: JournalEntry = {path: target, existed: old !== undefined, sha256: '', createdDirs: []};
		if (old !== undefined) {
			entry.backup = `${String(this.file.entries.length).padStart(3, '0')}-${path.basename(target)}`;
			entry.mode = oldMode;
			await this.fs.write(`${this.dir}/${entry.backup}`, old, 0o600);
		}
		// Recorded before the change, so a run killed in between can still be undone.
		this.file.entries.push(entry);
		await this.save();
		entry.createdDirs = (await change(oldMode)) ?? [];
		const now = await this.fs.readBytes(target);
		if (now !== undefined && old?.equals(now)) {
			this.file.entries.splice(this.file.entries.indexOf(entry), 1);
			await this.save();
			return 'unchanged';
		}
		entry.sha256 = sha256(now ?? '');
		await this.save();
		return old === undefined ? 'created' : 'changed';
	}

	private async save(): Promise<void> {
		await this.fs.write(`${this.dir}/journal.json`, `${JSON.stringify(this.file, null, 2)}\n`, 0o600);
		this.saved = true;
	}

	get hasChanges(): boolean {
		return this.saved;
	}
}

export async function readJournals(fs: TargetFs): Promise<JournalFile[]> {
	const journals: JournalFile[] = [];
	for (const id of await fs.list(backupsDir)) {
		const text = await fs.read(`${backupsDir}/${id}/journal.json`);
		if (!text) continue;
		try {
			journals.push(JSON.parse(text) as JournalFile);
		} catch (error) {
			throw new Error(`${backupsDir}/${id}/journal.json is not readable JSON (${(error as Error).message}); move it aside to undo an earlier run`);
		}
	}
	// In the order they started; the id breaks a tie.
	return journals.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
}

// The run `undo` puts back: the last apply not yet undone that changed files.
export async function lastUndoableRun(fs: TargetFs): Promise<JournalFile | undefined> {
	return (await readJournals(fs)).filter(j => j.kind === 'apply' && !j.undone && j.entries.length > 0).at(-1);
}

export type UndoLine = {path: string; outcome: 'restored' | 'removed' | 'restored (it had been edited since)'};

// Puts back exactly the bytes from before the last apply that is not yet undone, and removes the
// files and folders it created. The files as they are now are kept in an undo run of their own.
export async function undoLastRun(fs: TargetFs, runId: string, now = new Date()): Promise<{run?: JournalFile; lines: UndoLine[]}> {
	const run = await lastUndoableRun(fs);
	if (!run) return {lines: []};
	const safety = new Journal(fs, runId, 'undo', now);
	const lines: UndoLine[] = [];
	for (const entry of [...run.entries].reverse()) {
		const current = await fs.readBytes(entry.path);
		const editedSince = current !== undefined && sha256(current) !== entry.sha256;
		if (entry.existed && entry.backup) {
			const old = await fs.readBytes(`${backupsDir}/${run.runId}/${entry.backup}`);
			if (old === undefined) throw new Error(`the backup of ${entry.path} (${backupsDir}/${run.runId}/${entry.backup}) is missing`);
			await safety.write(entry.path, old, {exactMode: entry.mode ?? 0o644});
			lines.push({path: entry.path, outcome: editedSince ? 'restored (it had been edited since)' : 'restored'});
		} else {
			if (current !== undefined) await fs.write(`${safety.dir}/removed-${lines.length}-${path.basename(entry.path)}`, current, 0o600);
			await fs.remove(entry.path);
			for (const dir of [...entry.createdDirs].reverse()) await fs.removeEmptyDir(dir);
			lines.push({path: entry.path, outcome: 'removed'});
		}
	}
	run.undone = now.toISOString();
	await fs.write(`${backupsDir}/${run.runId}/journal.json`, `${JSON.stringify(run, null, 2)}\n`, 0o600);
	return {run, lines};
}
