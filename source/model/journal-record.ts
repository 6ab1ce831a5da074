// What a run's journal records, and the check undo makes of its shape before it trusts a word of
// it: a journal is read back from disk, so it may be empty, cut short, edited or from elsewhere.
// Pure: the bytes are read by system/journal.ts.
import {type Answers, unknownIdIn} from './answers.js';
import {bookkeepingDirs} from './files.js';
import type {StepId} from './plan.js';

export type JournalEntry = {
	path: string;
	existed: boolean;
	// When it existed: the copy's file name inside the run folder, and what the file was.
	backup?: string;
	mode?: number;
	uid?: number;
	gid?: number;
	size?: number;
	backupSha256?: string;
	// Of what this run wrote last, to notice a later hand edit; '' until the write is done.
	sha256: string;
	// Folders this run made for the file (outermost first), recorded before they were made.
	createdDirs: string[];
};

// setup: one per setup, continued by the next run until it finishes; edit: one change of one
// setting; undo: the copies undo kept of files edited by hand since the run it put back.
export type RunKind = 'setup' | 'edit' | 'undo';

export type JournalFile = {
	runId: string;
	kind: RunKind;
	startedAt: string;
	finished?: string;
	undone?: string;
	entries: JournalEntry[];
	// The saved answers before this run, so undo puts them back with the files.
	answersBefore?: Answers;
	// A setup only: its saved progress before it, so undo says whether the machine is still set up.
	progressBefore?: ProgressBefore;
};

// A setup's progress as the saved state keeps it (system/state.ts). failedAt / stoppedAt: the step a
// run failed at, or was stopped at (quit, Ctrl+C); the next start offers to continue there.
// skipped: what `s` left out of a step after a failure (files by path, anything else by title): that
// step is not among the completed, so a run that continues does it again instead of taking the
// files left out for written.
export type SetupProgress = {runId: string; completed: StepId[]; failedAt?: StepId; stoppedAt?: StepId; skipped?: Partial<Record<StepId, string[]>>; finished: boolean};

// What the saved state said of earlier setups when a setup began (the shape system/state.ts keeps).
export type ProgressBefore = {
	progress?: SetupProgress;
	setUpAt?: string;
};

// `unrecorded`: a file whose journal never named what was written there (no SHA-256: a killed run), so
// a hand edit cannot be told from the run's own bytes: a copy is kept either way, and said so (short:
// the undo screen's rows are a line each).
export const unrecorded = 'kept a copy: unrecorded write';
export type UndoLine = {path: string; outcome: `${'restored' | 'removed'}${'' | ' (it had been edited since)' | ` (${typeof unrecorded})`}`};


export const isInside = (target: string, dir: string): boolean => target === dir || target.startsWith(dir === '/' ? '/' : `${dir}/`);

const sha256Pattern = /^[0-9a-f]{64}$/;
const runIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const backupNamePattern = /^\d{3,}-[^/\u0000]{1,255}$/;

// An absolute, normal path: no empty, . or .. parts, no control characters.
export function isNormalPath(value: unknown): value is string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.length > 4096 || /[\u0000-\u001f\u007f]/.test(value)) return false;
	if (value === '/') return true;
	return value
		.slice(1)
		.split('/')
		.every(part => part !== '' && part !== '.' && part !== '..' && part.length <= 255);
}

const isCount = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function entryProblems(entry: unknown, index: number): string[] {
	const at = `entry ${index + 1}`;
	if (!isObject(entry)) return [`${at} is not an object`];
	const problems: string[] = [];
	if (!isNormalPath(entry.path) || entry.path === '/') problems.push(`${at}: path ${JSON.stringify(entry.path)} is not an absolute, normal file path`);
	else if (bookkeepingDirs.some(dir => isInside(entry.path as string, dir))) problems.push(`${at}: ${entry.path} is inside mesos-setup's own folders`);
	if (typeof entry.existed !== 'boolean') problems.push(`${at}: existed is not true or false`);
	if (typeof entry.sha256 !== 'string' || (entry.sha256 !== '' && !sha256Pattern.test(entry.sha256))) problems.push(`${at}: sha256 is not a SHA-256`);
	if (!Array.isArray(entry.createdDirs) || !entry.createdDirs.every(dir => isNormalPath(dir) && dir !== '/')) problems.push(`${at}: createdDirs is not a list of folders`);
	if (entry.existed === true) {
		if (typeof entry.backup !== 'string' || !backupNamePattern.test(entry.backup)) problems.push(`${at}: the backup name ${JSON.stringify(entry.backup)} is not one mesos-setup makes`);
		if (!isCount(entry.mode, 0o7777)) problems.push(`${at}: mode is missing or not a file mode`);
		if (!isCount(entry.uid, 0xffff_fffe) || !isCount(entry.gid, 0xffff_fffe)) problems.push(`${at}: the owner (uid, gid) is missing`);
		if (!isCount(entry.size, Number.MAX_SAFE_INTEGER)) problems.push(`${at}: the backup's size is missing`);
		if (typeof entry.backupSha256 !== 'string' || !sha256Pattern.test(entry.backupSha256)) problems.push(`${at}: the backup's SHA-256 is missing`);
	}
	return problems;
}

function progressBeforeProblems(value: unknown): string[] {
	if (!isObject(value)) return ['progressBefore is not an object'];
	const problems: string[] = [];
	if (value.setUpAt !== undefined && (typeof value.setUpAt !== 'string' || Number.isNaN(Date.parse(value.setUpAt)))) problems.push('progressBefore.setUpAt is not a time');
	const {progress} = value;
	if (progress !== undefined) {
		if (!isObject(progress) || typeof progress.runId !== 'string' || !Array.isArray(progress.completed) || typeof progress.finished !== 'boolean') problems.push('progressBefore.progress is not a setup\'s progress');
	}
	return problems;
}

// The journal as written, or the reasons it cannot be trusted (an empty list means it can).
export function parseJournal(text: string): {journal: JournalFile; problems: []} | {journal?: undefined; problems: string[]} {
	if (text.trim() === '') return {problems: ['it is empty']};
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return {problems: [`it is not valid JSON (${(error as Error).message})`]};
	}
	if (!isObject(data)) return {problems: ['it is not a JSON object']};
	const problems: string[] = [];
	if (typeof data.runId !== 'string' || !runIdPattern.test(data.runId)) problems.push('runId is missing or not a run id');
	if (data.kind !== 'setup' && data.kind !== 'edit' && data.kind !== 'undo') problems.push(`kind ${JSON.stringify(data.kind)} is not setup, edit or undo`);
	if (typeof data.startedAt !== 'string' || Number.isNaN(Date.parse(data.startedAt))) problems.push('startedAt is not a time');
	for (const key of ['finished', 'undone'] as const) {
		if (data[key] !== undefined && (typeof data[key] !== 'string' || Number.isNaN(Date.parse(data[key])))) problems.push(`${key} is not a time`);
	}
	if (data.answersBefore !== undefined && !(isObject(data.answersBefore) && Object.values(data.answersBefore).every(v => typeof v === 'string'))) {
		problems.push('answersBefore is not a set of answers');
	} else if (data.answersBefore !== undefined) {
		const unknown = unknownIdIn(data.answersBefore);
		if (unknown) problems.push(`answersBefore: ${unknown}`);
	}
	if (data.progressBefore !== undefined) problems.push(...progressBeforeProblems(data.progressBefore));
	if (!Array.isArray(data.entries)) problems.push('entries is not a list');
	else {
		data.entries.forEach((entry, index) => problems.push(...entryProblems(entry, index)));
		const paths = data.entries.map(entry => (isObject(entry) ? entry.path : undefined));
		if (new Set(paths).size !== paths.length) problems.push('a file is listed twice');
	}
	if (problems.length > 0) return {problems};
	return {journal: data as JournalFile, problems: []};
}
