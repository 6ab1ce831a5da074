// The setup wizard's state: the page shown and one mode, a union, so no impossible combination can
// be written down: the welcome with its offers, the settings at a glance, the fields being typed,
// the summary of every change, a run under way, a page finished or failed, the end, the quit
// question (over the mode it interrupts), a run being stopped, and the exit. Its transitions are one pure reducer (wizard-reducer.ts, with the
// page moves in wizard-moves.ts and the checks across settings in wizard-problems.ts). The Ink
// screens render this state and turn keys into actions, one key at a time; the wizard's driver
// (ui/wizard/use-wizard.ts) starts and stops the runs the modes ask for and reports back.
import {type Answers, resolveValues, type Values} from './answers.js';
import type {Facts} from './facts.js';
import type {FieldAction} from './field-input.js';
import type {SetupProgress} from './journal-record.js';
import {predictionKey} from './layout-prediction.js';
import {buildPlan, type StepId} from './plan.js';
import type {SettingId} from './settings.js';
import {type Page, wizardPages} from './wizard-pages.js';

// done: carried out in this run; skipped: a failed action was skipped; earlier: a stopped run did it.
export type PageMark = 'done' | 'skipped' | 'earlier';

// rehearsal: not root or no apt, so a sandbox is offered; rehearsing: the sandbox is being made;
// resume: a stopped run can be continued; ready: Enter begins.
export type WelcomeOffer = 'rehearsal' | 'rehearsing' | 'resume' | 'ready';

// begin: the preflight of this machine; several: the machine list of a cluster (its own screens).
export type WelcomeChoice = 'rehearse' | 'here' | 'resume' | 'restart' | 'quit' | 'begin' | 'several';

// What each offer lets a person choose, in order.
export const welcomeChoices: Record<WelcomeOffer, WelcomeChoice[]> = {
	rehearsal: ['rehearse', 'here', 'quit'],
	rehearsing: [],
	resume: ['resume', 'restart', 'quit'],
	ready: ['begin', 'several'],
};

// How the wizard ended: its last page accepted, quit by the person, or a run stopped.
// several: the person chose several machines; the app opens the machine list instead.
export type ExitReason = 'finished' | 'quit' | 'stopped' | 'several';

// refused: the step did not start at all (a run started at `from`): these actions cannot be carried
// out (their files cannot be written), and nothing else of it ran; `index` is the first of them.
export type Failure = {index: number; message: string; canSkip: boolean; refused?: {from: number; actions: number[]}};

export type WizardMode =
	| {kind: 'welcome'; offer: WelcomeOffer; choice: number; notice?: string}
	// Every setting at a glance: the item under the cursor (0 continues, 1 walks every page, then
	// one item per setting) and what stops continuing.
	| {kind: 'overview'; cursor: number; problems: string[]}
	| {kind: 'fields'; focus: number; cursor: number; problems: string[]}
	// Every command and file of the run: the file under the cursor, its diff open or not.
	| {kind: 'summary'; cursor: number; open: boolean; scroll: number}
	// The page's actions from `from` on are being carried out, but for those skipped after a failure.
	| {kind: 'running'; from: number; skipping?: number[]}
	// `scroll`: the first row of the checks' list shown, where the list is taller than its rows.
	| {kind: 'finished'; scroll?: number}
	// The install ended and its packages read another layout than the summary showed: the files
	// written instead, shown before any is written (Enter goes on; `notice` is the page's).
	| {kind: 'moved'; lines: string[]; notice?: string}
	| ({kind: 'failed'; scroll?: number; skipping?: number[]} & Failure)
	| {kind: 'done'}
	// Quit was confirmed while a run was under way: it is being stopped.
	| {kind: 'stopping'}
	| {kind: 'exit'; code: number; reason: ExitReason};

// The quit question, asked over the mode it interrupts (which goes on: a run keeps running).
export type Asking = {kind: 'quitting'; under: Exclude<WizardMode, {kind: 'stopping' | 'exit'}>};

export type WizardState = {
	facts: Facts;
	// The source (predictionKey) the facts' layout was predicted for; 'installed' once the install
	// step has shown it. The summary starts nothing while it is not the answers' source.
	layoutFor?: string;
	answers: Answers;
	pageId: string;
	mode: WizardMode | Asking;
	// What is typed in a field and not yet taken into the answers, allowed or not; a field without
	// one shows its value (fieldText), so a field the page gains (the apt source's Component) shows
	// its default.
	drafts: Partial<Record<SettingId, string>>;
	// What the page before said it did ("wrote /etc/mesos/zk"), shown at the top of this one.
	notice?: string;
	// A failed action of this page was skipped: the page is marked skipped, not done.
	skippedHere: boolean;
	// What each page left out by a skip (files by path), named on its page and by Done.
	skipped: Record<string, string[]>;
	// The summary's diff shows the whole file instead of the changes only (f toggles it).
	wholeFiles: boolean;
	// The question pages are walked one after another (the guided walk), or one was opened from
	// the settings at a glance and goes back there, its cursor on the setting that was opened.
	guided: boolean;
	opened?: SettingId;
	marks: Record<string, PageMark>;
	hadFailure: boolean;
	// Where a stopped run stopped, and the steps it finished.
	resumeFrom?: StepId;
	earlierSteps: StepId[];
	// What that run left out with `s` (files by path): continuing does their steps again.
	leftOutBefore?: string[];
	// Whether this run continues the stopped one (its run id, its journal).
	continueRun: boolean;
	// The answers the preflight last checked: a setting it checks changed since (the role's ports,
	// the source's index: changedForPreflight) sends the way to the summary through the preflight
	// again, which then goes on to the summary; `recheck` names those settings while it does.
	checkedWith?: Answers;
	recheck?: SettingId[];
	// What the welcome offers when it is shown again (Esc from the preflight).
	firstOffer: Exclude<WelcomeOffer, 'rehearsing'>;
};

export type WizardAction =
	| {type: 'accept'}
	| {type: 'back'}
	| {type: 'field'; action: FieldAction}
	| {type: 'submit-field'}
	| {type: 'focus-field'; delta: number}
	// `max`: the last offset that moves what scrolls (scrolledBy).
	| {type: 'scroll'; delta: number; max: number}
	| {type: 'whole-files'}
	// The summary: open or close the diff of the file under the cursor.
	| {type: 'open-file'}
	| {type: 'choose'; delta: number}
	| {type: 'rehearsal-failed'; message: string}
	// refused: the actions a step refused before it started names as in the way (step-refusal.ts).
	| {type: 'run-ended'; ok: boolean; stopped?: boolean; failedIndex?: number; refused?: number[]; message?: string; notice?: string; facts?: Facts}
	// The layout the source's packages will read, predicted for `source` (a predictionKey).
	| {type: 'layout-predicted'; source: string; facts: Facts}
	| {type: 'retry'}
	| {type: 'skip'}
	| {type: 'ask-quit'}
	| {type: 'stay'}
	| {type: 'quit'}
	// SIGTERM and the like: stop what runs and end, without a question.
	| {type: 'stop-now'};

export type WizardStart = {
	facts: Facts;
	answers: Answers;
	sandbox: boolean;
	progress?: Omit<SetupProgress, 'runId'>;
};

const stepOrder: StepId[] = ['preflight', 'key', 'repository', 'install', 'overrides', 'configuration', 'start'];

// Where a stopped run stopped: the step that failed or was stopped, or the first one it had not
// finished; a step that `s` left something out of, before them, is done again first.
export function resumePoint(progress: WizardStart['progress']): StepId | undefined {
	if (!progress || progress.finished) return undefined;
	const ends = [...Object.keys(progress.skipped ?? {}), progress.failedAt, progress.stoppedAt];
	const first = stepOrder.find(id => ends.includes(id));
	if (first) return first;
	if (progress.completed.length === 0) return undefined;
	return stepOrder.find(id => !progress.completed.includes(id));
}

// What a stopped run left out with `s` (files by path), in the order of its steps.
export const leftOutBefore = (progress: WizardStart['progress']): string[] => (progress?.finished ? [] : stepOrder.flatMap(id => progress?.skipped?.[id] ?? []));

export const needsRehearsal = (facts: Facts, sandbox: boolean): boolean => !sandbox && (!facts.isRoot || !facts.hasApt);

export function initialWizardState(start: WizardStart): WizardState {
	const resumeFrom = resumePoint(start.progress);
	const offer = needsRehearsal(start.facts, start.sandbox) ? 'rehearsal' : resumeFrom ? 'resume' : 'ready';
	return {
		facts: start.facts,
		answers: start.answers,
		pageId: 'welcome',
		mode: {kind: 'welcome', offer, choice: 0},
		firstOffer: offer,
		drafts: {},
		skippedHere: false,
		skipped: {},
		wholeFiles: false,
		guided: false,
		marks: {},
		hadFailure: false,
		...(resumeFrom ? {resumeFrom} : {}),
		...(leftOutBefore(start.progress).length > 0 ? {leftOutBefore: leftOutBefore(start.progress)} : {}),
		earlierSteps: resumeFrom ? (start.progress?.completed ?? []) : [],
		continueRun: false,
	};
}

// The welcome with its cursor on `choice` where it offers it: back from the machine list, the
// cursor is where it was, on "Several machines".
export function welcomeOn(state: WizardState, choice: WelcomeChoice | undefined): WizardState {
	const {mode} = state;
	const at = mode.kind === 'welcome' && choice ? welcomeChoices[mode.offer].indexOf(choice) : -1;
	return mode.kind === 'welcome' && at >= 0 ? {...state, mode: {...mode, choice: at}} : state;
}

export const pagesOf = (state: Pick<WizardState, 'answers' | 'facts'>): Page[] => wizardPages(buildPlan(resolveValues(state.answers), state.facts));

export function currentPage(state: Pick<WizardState, 'answers' | 'facts' | 'pageId'>, pages: readonly Page[] = pagesOf(state)): {page: Page; index: number} {
	const index = Math.max(0, pages.findIndex(p => p.id === state.pageId));
	return {page: pages[index] as Page, index};
}

// What a field shows and Enter checks: what is typed there, else the value the answers give it.
export const fieldText = (state: Pick<WizardState, 'answers' | 'drafts'>, id: SettingId, values: Values = resolveValues(state.answers)): string => state.drafts[id] ?? values[id];

// The mode under the quit question, or the mode itself.
export const activeMode = (state: Pick<WizardState, 'mode'>): WizardMode => (state.mode.kind === 'quitting' ? state.mode.under : state.mode);

// The field that has the keys, while fields are typed.
export function focusedField(state: WizardState, page: Page = currentPage(state).page): SettingId | undefined {
	const mode = state.mode;
	return mode.kind === 'fields' ? page.fields[mode.focus] : undefined;
}

// The layout is still being predicted for the answers' package source: the summary waits for it.
export const layoutPending = (state: Pick<WizardState, 'answers' | 'layoutFor'>): boolean =>
	state.layoutFor !== 'installed' && state.layoutFor !== predictionKey(resolveValues(state.answers));
