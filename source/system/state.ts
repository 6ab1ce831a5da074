// Saved state (answers, progress of the last run), kept with conf under <root>/var/lib/mesos-setup
// so a sandbox never touches the real machine's state and a re-run starts from the last answers.
import Conf from 'conf';
import type {Answers} from '../model/answers.js';
import type {StepId} from '../model/plan.js';
import type {TargetFs} from './target-fs.js';

export const stateDir = '/var/lib/mesos-setup';

export type Progress = {runId: string; completed: StepId[]; failedAt?: StepId; finished: boolean};

export type SavedState = {answers: Answers; progress?: Progress};

export type StateStore = {
	answers(): Answers;
	saveAnswers(answers: Answers): void;
	progress(): Progress | undefined;
	saveProgress(progress: Progress): void;
	// True once a setup has finished here: the home screen then offers a menu instead of the wizard.
	setUpBefore(): boolean;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createStateStore(fs: TargetFs): StateStore {
	const conf = new Conf<SavedState>({
		cwd: fs.hostPath(stateDir),
		configName: 'state',
		projectName: 'mesos-setup',
		projectSuffix: '',
		defaults: {answers: {}},
		clearInvalidConfig: false,
	});
	return {
		answers: () => conf.get('answers'),
		saveAnswers(answers) {
			if (!same(conf.get('answers'), answers)) conf.set('answers', answers);
		},
		progress: () => conf.get('progress'),
		saveProgress(progress) {
			if (!same(conf.get('progress'), progress)) conf.set('progress', progress);
		},
		setUpBefore: () => conf.get('progress')?.finished === true || (conf.get('progress')?.completed ?? []).includes('configuration'),
	};
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
			state = {...state, progress};
		},
		setUpBefore: () => state.progress?.finished === true,
	};
}

// Read-only view of the saved state for --dry-run: what is there, without writing.
export async function readSavedState(fs: TargetFs): Promise<SavedState> {
	const text = await fs.read(`${stateDir}/state.json`);
	if (!text) return {answers: {}};
	try {
		return {answers: {}, ...(JSON.parse(text) as Partial<SavedState>)};
	} catch (error) {
		throw new Error(`${fs.hostPath(`${stateDir}/state.json`)} is not valid JSON (${(error as Error).message}); fix or remove it`);
	}
}
