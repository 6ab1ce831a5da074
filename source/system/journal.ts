// Every file a run changes is recorded, with a copy of what it held before (bytes, mode, owner,
// size and SHA-256), under <root>/var/backups/mesos-setup/<run-id>/. One journal per setup:
// a setup that was stopped is continued under the same id, so `undo` (system/undo.ts) puts back
// the machine as it was before the first attempt.
import {createHash, randomBytes} from 'node:crypto';
import path from 'node:path';
import type {Answers} from '../model/answers.js';
import {type JournalEntry, type JournalFile, parseJournal, type ProgressBefore, type RunKind} from '../model/journal-record.js';
import {DamagedJournalError} from './damaged-journal.js';
import type {FileInfo, TargetFiles} from './target-fs.js';

export type {JournalEntry, JournalFile, UndoLine} from '../model/journal-record.js';

export const backupsDir = '/var/backups/mesos-setup';

export type WriteResult = 'created' | 'changed' | 'unchanged';

// Sortable, with milliseconds: two runs in one second (a setup, then an edit) must keep their order.
export const newRunId = (now: Date): string => `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const journalPath = (runId: string): string => `${backupsDir}/${runId}/journal.json`;

export class Journal {
	private file: JournalFile;
	private saved = false;
	private loaded = false;
	// Files recorded ahead of their change (recordAhead) and not written yet.
	private readonly ahead = new Set<JournalEntry>();
	// Something changed since the last save: a written file's SHA-256, a record dropped.
	private dirty = false;
	// Copies of dropped records, still named by the journal on disk until the next save.
	private readonly unnamedCopies: string[] = [];

	constructor(
		private readonly fs: TargetFiles,
		runId: string,
		kind: RunKind = 'setup',
		now = new Date(),
		answersBefore?: Answers,
		progressBefore?: ProgressBefore,
	) {
		this.file = {runId, kind, startedAt: now.toISOString(), entries: [], ...(answersBefore ? {answersBefore} : {}), ...(progressBefore ? {progressBefore} : {})};
	}

	// A continued run keeps its id: what the stopped run recorded stays in the journal (with the
	// answers and the time it started), so undo puts back the whole run and not only its second half.
	private async load(): Promise<void> {
		if (this.loaded) return;
		const earlier = await readJournal(this.fs, this.file.runId);
		this.loaded = true;
		if (!earlier) return;
		const known = new Set(earlier.entries.map(entry => entry.path));
		this.file = {...earlier, entries: [...earlier.entries, ...this.file.entries.filter(entry => !known.has(entry.path))]};
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
	// its mode (unless `exactMode` says otherwise) and its owner; a new one gets `newFileMode`.
	// `read`: the bytes the caller read just before to make the new ones (undefined: no file).
	async write(target: string, data: string | Buffer, modes: {newFileMode?: number; exactMode?: number} = {}, read?: {before: Buffer | undefined}): Promise<WriteResult> {
		const bytes = typeof data === 'string' ? Buffer.from(data) : data;
		const old = read ? read.before : await this.fs.readBytes(target);
		if (old?.equals(bytes)) {
			await this.notChanging(target);
			return 'unchanged';
		}
		// The bytes before are the ones just read, and after the atomic write the file holds exactly
		// these: neither is read again (two reads fewer a file), nor the mode and owner track just read.
		const replace = async (info: FileInfo | undefined, sync: 'now' | 'later'): Promise<string[]> =>
			(await this.fs.write(target, bytes, modes.exactMode ?? info?.mode ?? modes.newFileMode ?? 0o644, info ? {uid: info.uid, gid: info.gid} : undefined, sync)).createdDirs;
		return this.track(target, replace, {before: old, after: bytes});
	}

	// Records, in one save, the files a step is about to change (their old bytes kept first), so the
	// step's writes need no save each: the journal is saved once before them and once after the
	// last (issue 12: two saves a file, each syncing the file and its folder, were most of what a setup
	// spent). Files already recorded keep their first record; a folder new files share is looked at once. `read`: bytes read just before, kept.
	async recordAhead(targets: readonly string[], read: ReadonlyMap<string, Buffer | undefined> = new Map()): Promise<void> {
		await this.load();
		const before = this.file.entries.length;
		const folders = new Map<string, Promise<string[]>>();
		const missingDirs = async (folder: string): Promise<string[]> => [...(await (folders.get(folder) ?? folders.set(folder, this.fs.missingDirs(folder)).get(folder) ?? []))];
		for (const target of new Set(targets)) {
			if (this.entryFor(target)) continue;
			const old = read.has(target) ? read.get(target) : await this.fs.readBytes(target);
			this.ahead.add(await this.newEntry(target, old, old === undefined ? undefined : await this.fs.info(target), missingDirs));
		}
		if (this.file.entries.length > before) await this.save();
	}

	// Keeps a file's old bytes while something else changes it (apt-key rewriting trusted.gpg), so
	// undo can put it back like any file mesos-setup wrote itself. A file recorded ahead leaves the
	// sync of its bytes and folder (`sync` 'later') to the save after the row's last write, where the
	// row's syncs run together: until then the journal names no SHA-256 for it, so a crash in between,
	// whatever of the write survived, leaves a record undo puts back (the backup, or no file; a copy
	// kept of bytes it cannot tell); the step is not done, and a continuing run fills it in (written).
	// `known`: the bytes the caller read just before (undefined: no file) and the bytes its change
	// leaves, where it knows them; otherwise both are read.
	async track(target: string, change: (old: FileInfo | undefined, sync: 'now' | 'later') => Promise<string[] | void>, known?: {before: Buffer | undefined; after: Buffer}): Promise<WriteResult> {
		await this.load();
		const old = known ? known.before : await this.fs.readBytes(target);
		const info = old === undefined ? undefined : await this.fs.info(target);
		// A file this run already changed keeps its first record: that one holds the bytes from before the run.
		let entry = this.entryFor(target);
		const added = entry === undefined || this.ahead.has(entry);
		if (!entry) {
			// Recorded before the change (and the folders before they are made), so a run killed in
			// between can still be undone.
			entry = await this.newEntry(target, old, info);
			await this.save();
		}
		const sync = this.ahead.delete(entry) ? 'later' : 'now';
		const created = (await change(info, sync)) ?? [];
		entry.createdDirs = [...new Set([...entry.createdDirs, ...created])];
		const now = known ? known.after : await this.fs.readBytes(target);
		const unchanged = added && now !== undefined && old?.equals(now) === true;
		if (unchanged) this.drop(entry);
		else entry.sha256 = sha256(now ?? '');
		this.dirty = true;
		// The SHA-256 of what was written is saved once the last file recorded ahead is written. A run
		// killed before that leaves it empty: the run that continues fills it in (written); an undo
		// before that keeps a copy of the file, as it cannot tell a hand edit from these bytes.
		if (this.ahead.size === 0) await this.save();
		return unchanged ? 'unchanged' : old === undefined ? 'created' : 'changed';
	}

	// Ends a step (one that stopped or failed before it wrote every file it recorded ahead: those
	// records go); what changed since the last save is saved.
	async settle(): Promise<void> {
		for (const entry of this.ahead) this.drop(entry);
		if (this.dirty) await this.save();
	}

	// A file a killed run wrote before the journal named what it wrote (the SHA-256 still empty),
	// found holding the new bytes by the run that continues it: the SHA-256 is filled in (saved
	// with the step's settle), so undo again tells a hand edit made since (and keeps a copy of it).
	async written(target: string, bytes: Buffer): Promise<void> {
		await this.load();
		const entry = this.entryFor(target);
		// Bytes as before the run: nothing was written, nothing to name.
		if (!entry || entry.sha256 !== '' || this.ahead.has(entry) || entry.backupSha256 === sha256(bytes)) return;
		entry.sha256 = sha256(bytes);
		this.dirty = true;
	}

	// A file recorded ahead that holds its new bytes already: its record goes; the row's last save stays.
	private async notChanging(target: string): Promise<void> {
		const entry = this.entryFor(target);
		if (!entry || !this.ahead.has(entry)) return;
		this.drop(entry);
		if (this.ahead.size === 0) await this.save();
	}

	private entryFor(target: string): JournalEntry | undefined {
		return this.file.entries.find(e => e.path === target);
	}

	// A record this run made and no longer needs; its copy goes once the saved journal stops naming it.
	private drop(entry: JournalEntry): void {
		this.ahead.delete(entry);
		const index = this.file.entries.indexOf(entry);
		if (index >= 0) this.file.entries.splice(index, 1);
		if (entry.backup) this.unnamedCopies.push(entry.backup);
		this.dirty = true;
	}

	// A record of the file as it is now, its bytes copied aside, added to the entries (not yet saved).
	private async newEntry(target: string, old: Buffer | undefined, info: FileInfo | undefined, missingDirs = async (folder: string) => this.fs.missingDirs(folder)): Promise<JournalEntry> {
		const entry: JournalEntry = {path: target, existed: old !== undefined, sha256: '', createdDirs: old === undefined ? await missingDirs(path.dirname(target)) : []};
		if (old !== undefined && info) {
			// The journal exists before its first backup does: a run killed in between is still a run
			// with an id, which the next setup continues instead of starting a second one.
			if (!this.saved) await this.save();
			const backup = this.backupName(target);
			Object.assign(entry, {backup, mode: info.mode, uid: info.uid, gid: info.gid, size: old.length, backupSha256: sha256(old)});
			// Synced by the save that names it, which always comes before the file changes.
			await this.fs.write(`${this.dir}/${backup}`, old, 0o600, undefined, 'later');
		}
		this.file.entries.push(entry);
		return entry;
	}

	// Numbered past every copy the journal names, so no two records share a copy.
	private backupName(target: string): string {
		const numbers = this.file.entries.map(entry => Number.parseInt(entry.backup ?? '', 10)).filter(Number.isFinite);
		const next = Math.max(this.file.entries.length, ...numbers.map(n => n + 1));
		return `${String(next).padStart(3, '0')}-${path.basename(target)}`;
	}

	// Keeps a copy of a file as it is now, without changing it: undo keeps hand edits this way.
	async keep(target: string): Promise<void> {
		await this.load();
		const bytes = await this.fs.readBytes(target);
		const info = await this.fs.info(target);
		if (bytes === undefined || !info) return;
		const backup = this.backupName(target);
		await this.fs.write(`${this.dir}/${backup}`, bytes, 0o600);
		const hash = sha256(bytes);
		this.file.entries.push({path: target, existed: true, backup, mode: info.mode, uid: info.uid, gid: info.gid, size: bytes.length, backupSha256: hash, sha256: hash, createdDirs: []});
		await this.save();
	}

	// A setup that ran to its end is not continued by the next one.
	async finish(now: Date): Promise<void> {
		await this.load();
		if (!this.saved) return;
		this.file.finished = now.toISOString();
		await this.save();
	}

	private async save(): Promise<void> {
		// The row just written (and the copies about to be named) is durable before the journal names
		// it: the journal lands last, its own bytes synced together with theirs.
		await this.fs.write(journalPath(this.file.runId), `${JSON.stringify(this.file, null, 2)}\n`, 0o600, undefined, 'last');
		this.saved = true;
		this.dirty = false;
		for (const copy of this.unnamedCopies.splice(0)) await this.fs.remove(`${this.dir}/${copy}`);
	}

	get hasChanges(): boolean {
		return this.saved;
	}
}

async function readJournal(fs: TargetFiles, runId: string): Promise<JournalFile | undefined> {
	const file = journalPath(runId);
	const text = await fs.read(file);
	if (text === undefined) return undefined;
	const {journal, problems} = parseJournal(text);
	if (!journal) throw new DamagedJournalError([{file: fs.hostPath(file), problems}]);
	return journal;
}
