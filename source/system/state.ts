// Saved state (answers, progress of the last run), kept with conf under <root>/var/lib/mesos-setup
// so a sandbox never touches the real machine's state and a re-run starts from the last answers.
import {readFileSync} from 'node:fs';
import Conf from 'conf';
import {InputError} from '../model/errors.js';
import type {Answers} from '../model/answers.js';
import type {StepId} from '../model/plan.js';
import type {TargetFs} from './target-fs.js';

export const stateDir = '/var/lib/mesos-setup';

// failedAt / stoppedAt: the step a run failed at, or was stopped at (quit, Ctrl+C); the next start
// offers to continue there.
export type Progress = {runId: string; completed: StepId[]; failedAt?: StepId; stoppedAt?: StepId; finished: boolean};

// setUpAt: when a setup first finished here; it stays when a later run (setup again) stops half-way.
export type SavedState = {answers: Answers; progress?: Progress; setUpAt?: string};

// What a setup run found before it started, kept in its journal: undo puts it back, so a machine
// whose only setup was undone is not called set up.
export type ProgressBefore = {progress?: Progress; setUpAt?: string};

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
};

const setUpFrom = (state: SavedState): boolean =>
	Boolean(state.setUpAt) || state.progress?.finished === true || (state.progress?.completed ?? []).includes('configuration');

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createStateStore(fs: TargetFs): StateStore {
	// conf writes its file as soon as it is made, so it is made only when something is saved:
	// `plan`, `status` and a refused run leave the machine as they found it.
	let conf: Conf<SavedState> | undefined;
	const open = (): Conf<SavedState> =>
		(conf ??= new Conf<SavedState>({
			cwd: fs.hostPath(stateDir),
			configName: 'state',
			projectName: 'mesos-setup',
			projectSuffix: '',
			defaults: {answers: {}},
			clearInvalidConfig: false,
		}));
	const saved = (): SavedState => (conf ? conf.store : readSavedStateSync(fs));
	return {
		answers: () => saved().answers,
		saveAnswers(answers) {
			if (!same(saved().answers, answers)) open().set('answers', answers);
		},
		progress: () => saved().progress,
		saveProgress(progress) {
			if (!same(saved().progress, progress)) open().set('progress', progress);
			if (progress.finished && !saved().setUpAt) open().set('setUpAt', new Date().toISOString());
		},
		setUpBefore: () => setUpFrom(saved()),
		saved: () => structuredClone(saved()),
		restore(answers, progress) {
			const store = open();
			store.set('answers', answers);
			if (!progress) return;
			if (progress.progress) store.set('progress', progress.progress);
			else store.delete('progress');
			if (progress.setUpAt) store.set('setUpAt', progress.setUpAt);
			else store.delete('setUpAt');
		},
	};
}

function parseState(text: string | undefined, file: string): SavedState {
	if (!text) return {answers: {}};
	try {
		return {answers: {}, ...(JSON.parse(text) as Partial<SavedState>)};
	} catch (error) {
		throw new InputError([`${file} (mesos-setup's saved answers and progress) is not valid JSON: ${(error as Error).message}.`, 'Fix it, or move it aside to start from the defaults.']);
	}
}

function readSavedStateSync(fs: TargetFs): SavedState {
	const file = fs.hostPath(`${stateDir}/state.json`);
	let text: string | undefined;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	return parseState(text, file);
}

// --dry-run changes nothing at all, not even the saved answers.
export function createMemoryStateStore(initial: SavedState = {answers: {}}): StateStore {
	let state = structuredClone(initial);
	return {
		answers: () => state.answers,
		saveAnswers(answers) {
			state = {...state, answers};
		},
		progress: () => state.progress,
		saveProgress(progress) {
			state = {...state, progress, ...(progress.finished && !state.setUpAt ? {setUpAt: new Date().toISOString()} : {})};
		},
		setUpBefore: () => setUpFrom(state),
		saved: () => structuredClone(state),
		restore(answers, progress) {
			const {progress: _progress, setUpAt: _setUpAt, ...rest} = state;
			state = progress ? {...rest, answers, ...(progress.progress ? {progress: progress.progress} : {}), ...(progress.setUpAt ? {setUpAt: progress.setUpAt} : {})} : {...state, answers};
		},
	};
}

// Read-only view of the saved state for --dry-run: what is there, without writing.
export async function readSavedState(fs: TargetFs): Promise<SavedState> {
	return parseState(await fs.read(`${stateDir}/state.json`), fs.hostPath(`${stateDir}/state.json`));
}
