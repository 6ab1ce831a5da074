// Saved state (answers, progress of the last run), kept with conf under <root>/var/lib/mesos-setup
// so a sandbox never touches the real machine's state and a re-run starts from the last answers.
// It is read once, checked, when the System is made; conf writes it at the path resolved inside
// the root, so a link there cannot send it elsewhere.
import path from 'node:path';
import Conf from 'conf';
import {InputError} from '../model/errors.js';
import {type Answers, unknownIdIn} from '../model/answers.js';
import type {ProgressBefore, SetupProgress} from '../model/journal-record.js';
import {DiskFullError, freeBytesAt, type TargetFs} from './target-fs.js';

export const stateDir = '/var/lib/mesos-setup';
export const stateFile = `${stateDir}/state.json`;
// What conf (through the atomically package) names its temp file while it writes state.json.
export const stateTempPattern = /^state\.json\.tmp-\d{10}[0-9a-f]{6}$/;

export type Progress = SetupProgress;

// setUpAt: when a setup first finished here; it stays when a later run (setup again) stops half-way.
export type SavedState = {answers: Answers; progress?: Progress; setUpAt?: string};


export type StateStore = {
	answers(): Answers;
	saveAnswers(answers: Answers): void;
	progress(): Progress | undefined;
	saveProgress(progress: Progress): void;
	// True once a setup has finished here: the home screen then offers a menu instead of the wizard.
	setUpBefore(): boolean;
	saved(): SavedState;
	// Back to what a run found (undo): the answers, and for a setup its progress too.
	restore(answers: Answers, progress?: ProgressBefore): void;
	// Ready to save, nothing written: a run about to change the machine calls it where it would
	// only wait for a sync (conf's first use is a few milliseconds of the main thread, issue 12).
	prepare?(): void;
	// Whether this is the machine's own state.json. A cluster node's state lives only for the run
	// (the cluster file holds its answers): a run there records no state in its journal, so an undo
	// on the node leaves the node's own state.json as it is instead of emptying it.
	onMachine: boolean;
};

// The state after a restore: the answers, and where a setup's progress is given, exactly it.
const restored = (state: SavedState, answers: Answers, progress?: ProgressBefore): SavedState => {
	if (!progress) return {...state, answers};
	const {progress: _progress, setUpAt: _setUpAt, ...rest} = state;
	return {...rest, answers, ...(progress.progress ? {progress: progress.progress} : {}), ...(progress.setUpAt ? {setUpAt: progress.setUpAt} : {})};
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const setUp = (state: SavedState): boolean => Boolean(state.setUpAt) || state.progress?.finished === true || (state.progress?.completed ?? []).includes('configuration');

// `initial` is what readSavedState found; this process is the only writer (the run lock).
export function createStateStore(fs: TargetFs, initial: SavedState): StateStore {
	let state = structuredClone(initial);
	// conf writes its file as soon as it is made, so it is made only when something is saved:
	// `plan`, `status` and a refused run leave the machine as they found it.
	let conf: Conf<SavedState> | undefined;
	// No defaults: conf would write them as it is made, a sync of its own before the first save;
	// readSavedState takes a file without answers as no answers. Made, conf reads the file (and
	// makes its folder, the run lock's) and writes nothing.
	const confAt = (host: string): Conf<SavedState> =>
		new Conf<SavedState>({
			cwd: path.dirname(host),
			configName: path.basename(host, '.json'),
			projectName: 'mesos-setup',
			projectSuffix: '',
			clearInvalidConfig: false,
		});
	// Each save is one atomic write of conf's (a temp file, fsync, rename). `undefined` removes a key.
	const save = (changes: Partial<Record<keyof SavedState, SavedState[keyof SavedState] | undefined>>): void => {
		const {host} = fs.resolve(stateFile);
		const entries = Object.entries(changes) as [keyof SavedState, SavedState[keyof SavedState] | undefined][];
		const setting = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
		const removing = entries.filter(([, value]) => value === undefined).map(([key]) => key);
		try {
			conf ??= confAt(host);
			if (removing.length > 0) {
				const {...kept} = conf.store;
				for (const key of removing) delete kept[key];
				conf.store = {...kept, ...setting} as SavedState;
			} else conf.set(setting);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOSPC' && code !== 'EDQUOT') throw error;
			throw new DiskFullError(stateFile, freeBytesAt(path.dirname(host)), path.dirname(fs.hostPath(stateFile)), `the saved answers and progress (${fs.hostPath(stateFile)}) could not be written`);
		}
		const next: Record<string, unknown> = {...state, ...setting};
		for (const key of removing) delete next[key];
		state = {answers: {}, ...next} as SavedState;
	};
	return {
		onMachine: true,
		answers: () => state.answers,
		saveAnswers(answers) {
			if (!same(state.answers, answers)) save({answers});
		},
		progress: () => state.progress,
		saveProgress(progress) {
			// Finished: the progress and when the setup first finished here, in one write.
			const setUpAt = progress.finished && !state.setUpAt ? {setUpAt: new Date().toISOString()} : {};
			if (!same(state.progress, progress) || 'setUpAt' in setUpAt) save({progress, ...setUpAt});
		},
		setUpBefore: () => setUp(state),
		saved: () => structuredClone(state),
		restore(answers, progress) {
			const after = restored(state, answers, progress);
			save(progress ? {answers: after.answers, progress: after.progress, setUpAt: after.setUpAt} : {answers: after.answers});
		},
		prepare() {
			try {
				conf ??= confAt(fs.resolve(stateFile).host);
			} catch {
				// Said by the save that needs it.
			}
		},
	};
}

// What a run's journal keeps of the state before it, for an undo to put back: only the machine's
// own (onMachine), and for a setup its progress too. `answers`: the run's own, where it knows them.
export function stateBefore(store: StateStore, setup: boolean, answers?: Answers): {answers?: Answers; progress?: ProgressBefore} {
	if (!store.onMachine) return {};
	const before = store.saved();
	const progress = {...(before.progress ? {progress: before.progress} : {}), ...(before.setUpAt ? {setUpAt: before.setUpAt} : {})};
	return {answers: answers ?? before.answers, ...(setup ? {progress} : {})};
}

// --dry-run changes nothing at all, not even the saved answers.
export function createMemoryStateStore(initial: SavedState = {answers: {}}): StateStore {
	let state = structuredClone(initial);
	return {
		onMachine: true,
		answers: () => state.answers,
		saveAnswers(answers) {
			state = {...state, answers};
		},
		progress: () => state.progress,
		saveProgress(progress) {
			state = {...state, progress, ...(progress.finished && !state.setUpAt ? {setUpAt: new Date().toISOString()} : {})};
		},
		setUpBefore: () => setUp(state),
		saved: () => structuredClone(state),
		restore(answers, progress) {
			state = restored(state, answers, progress);
		},
	};
}

// A cluster node's: the cluster file holds its answers, and its state.json is not this run's.
export const createNodeRunStateStore = (): StateStore => ({...createMemoryStateStore(), onMachine: false});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// What is wrong with the file's contents, if anything.
function stateProblem(data: unknown): string | undefined {
	if (!isObject(data)) return 'it is not a JSON object';
	if (data.answers !== undefined) {
		if (!isObject(data.answers)) return '"answers" is not a set of answers';
		const bad = Object.entries(data.answers).find(([, value]) => typeof value !== 'string');
		if (bad) return `the answer for ${JSON.stringify(bad[0])} is not text`;
		const unknown = unknownIdIn(data.answers);
		if (unknown) return unknown;
	}
	const progress = data.progress;
	if (progress !== undefined) {
		if (!isObject(progress)) return '"progress" is not an object';
		if (typeof progress.runId !== 'string') return 'progress.runId is not text';
		if (!Array.isArray(progress.completed) || !progress.completed.every(step => typeof step === 'string')) return 'progress.completed is not a list of steps';
		if (progress.failedAt !== undefined && typeof progress.failedAt !== 'string') return 'progress.failedAt is not a step';
		if (progress.stoppedAt !== undefined && typeof progress.stoppedAt !== 'string') return 'progress.stoppedAt is not a step';
		if (progress.skipped !== undefined && (!isObject(progress.skipped) || !Object.values(progress.skipped).every(names => Array.isArray(names) && names.every(name => typeof name === 'string')))) return 'progress.skipped is not a list of what each step left out';
		if (typeof progress.finished !== 'boolean') return 'progress.finished is not true or false';
	}
	if (data.setUpAt !== undefined && typeof data.setUpAt !== 'string') return 'setUpAt is not a time';
	return undefined;
}

export function parseState(text: string | undefined, file: string): SavedState {
	if (text === undefined) return {answers: {}};
	let data: unknown;
	let problem: string | undefined;
	if (text.trim() === '') problem = 'it is empty';
	else {
		try {
			data = JSON.parse(text);
			problem = stateProblem(data);
		} catch (error) {
			problem = `it is not valid JSON (${(error as Error).message})`;
		}
	}
	if (problem) {
		throw new InputError([
			`${file} (mesos-setup's saved answers and progress) is damaged: ${problem}.`,
			`Fix it, or move it aside (mv ${file} ${file}.damaged) to start from the defaults; the files it set up are not changed by that.`,
		]);
	}
	return {answers: {}, ...(data as Partial<SavedState>)};
}

// The saved state as it is on disk: read once when the System is made, through the root.
export async function readSavedState(fs: TargetFs): Promise<SavedState> {
	let text: string | undefined;
	try {
		text = await fs.read(stateFile);
	} catch (error) {
		throw new InputError([`${fs.hostPath(stateFile)} (mesos-setup's saved answers and progress) cannot be read: ${(error as Error).message}.`, `Move it aside to start from the defaults.`]);
	}
	return parseState(text, fs.hostPath(stateFile));
}
