// Every state transition of the setup wizard, as one pure reducer. The state is the page shown and
// one mode, a union, so no impossible combination can be written down: the welcome with its
// offers, the fields being typed, the review, a run under way, a page finished or failed, the end,
// the quit question (over the mode it interrupts), a run being stopped, and the exit. The Ink
// screens render this state and turn keys into these actions, one key at a time; the wizard's
// driver (ui/wizard/use-wizard.ts) starts and stops the runs the modes ask for and reports back.
import {type Answers, checkAnswer, consistencyProblems, resolveValues} from './answers.js';
import type {Facts} from './facts.js';
import {applyFieldAction, type FieldAction} from './field-input.js';
import {buildPlan, type Check, type StepId} from './plan.js';
import {findSetting} from './settings.js';
import {moveChoice, textField} from './text-editing.js';
import {type Page, problemPage, problemSettings, wizardPages} from './wizard-pages.js';

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

export type Failure = {index: number; message: string; canSkip: boolean};

export type WizardMode =
	| {kind: 'welcome'; offer: WelcomeOffer; choice: number; notice?: string}
	| {kind: 'fields'; focus: number; cursor: number; problems: string[]}
	| {kind: 'review'; scroll: number}
	// The page's actions from `from` on are being carried out.
	| {kind: 'running'; from: number}
	| {kind: 'finished'}
	| ({kind: 'failed'} & Failure)
	| {kind: 'done'}
	// Quit was confirmed while a run was under way: it is being stopped.
	| {kind: 'stopping'}
	| {kind: 'exit'; code: number; reason: ExitReason};

// The quit question, asked over the mode it interrupts (which goes on: a run keeps running).
export type Asking = {kind: 'quitting'; under: Exclude<WizardMode, {kind: 'stopping' | 'exit'}>};

export type WizardState = {
	facts: Facts;
	answers: Answers;
	pageId: string;
	mode: WizardMode | Asking;
	// What is typed in each field of the current page, allowed or not.
	drafts: Record<string, string>;
	// What the page before said it did ("wrote /etc/mesos/zk"), shown at the top of this one.
	notice?: string;
	// A failed action of this page was skipped: the page is marked skipped, not done.
	skippedHere: boolean;
	// The page's file previews show whole files instead of the changes only (f toggles it).
	wholeFiles: boolean;
	marks: Record<string, PageMark>;
	hadFailure: boolean;
	// Where a stopped run stopped, and the steps it finished.
	resumeFrom?: StepId;
	earlierSteps: StepId[];
	// Whether this run continues the stopped one (its run id, its journal).
	continueRun: boolean;
	// What the welcome offers when it is shown again (Esc from the preflight).
	firstOffer: Exclude<WelcomeOffer, 'rehearsing'>;
};

export type WizardAction =
	| {type: 'accept'}
	| {type: 'back'}
	| {type: 'field'; action: FieldAction}
	| {type: 'submit-field'}
	| {type: 'focus-field'; delta: number}
	| {type: 'scroll'; delta: number}
	| {type: 'whole-files'}
	| {type: 'choose'; delta: number}
	| {type: 'rehearsal-failed'; message: string}
	| {type: 'run-ended'; ok: boolean; stopped?: boolean; failedIndex?: number; message?: string; notice?: string}
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
	progress?: {completed: StepId[]; failedAt?: StepId; stoppedAt?: StepId; finished: boolean};
};

const stepOrder: StepId[] = ['preflight', 'key', 'repository', 'install', 'overrides', 'configuration', 'start'];

// Where a stopped run stopped: the step that failed or was stopped, or the first one it had not finished.
export function resumePoint(progress: WizardStart['progress']): StepId | undefined {
	if (!progress || progress.finished) return undefined;
	if (progress.failedAt) return progress.failedAt;
	if (progress.stoppedAt) return progress.stoppedAt;
	if (progress.completed.length === 0) return undefined;
	return stepOrder.find(id => !progress.completed.includes(id));
}

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
		wholeFiles: false,
		marks: {},
		hadFailure: false,
		...(resumeFrom ? {resumeFrom} : {}),
		earlierSteps: resumeFrom ? (start.progress?.completed ?? []) : [],
		continueRun: false,
	};
}

export const pagesOf = (state: Pick<WizardState, 'answers' | 'facts'>): Page[] => wizardPages(buildPlan(resolveValues(state.answers), state.facts));

export function currentPage(state: Pick<WizardState, 'answers' | 'facts' | 'pageId'>, pages: readonly Page[] = pagesOf(state)): {page: Page; index: number} {
	const index = Math.max(0, pages.findIndex(p => p.id === state.pageId));
	return {page: pages[index] as Page, index};
}

// The mode under the quit question, or the mode itself.
export const activeMode = (state: Pick<WizardState, 'mode'>): WizardMode => (state.mode.kind === 'quitting' ? state.mode.under : state.mode);

// The field that has the keys, while fields are typed.
export function focusedField(state: WizardState, page: Page = currentPage(state).page): string | undefined {
	const mode = state.mode;
	return mode.kind === 'fields' ? page.fields[mode.focus] : undefined;
}

// Problems whose settings are all on this page or earlier ones: they must be mended before going
// on. One that names a later setting waits for that page, where it can still be mended.
export function blockingProblems(answers: Answers, pages: readonly Page[], index: number): string[] {
	return consistencyProblems(resolveValues(answers)).filter(problem => {
		const at = problemPage(problem, pages);
		return at === -1 || at <= index;
	});
}

// The answers with what is typed on this page, where it is allowed: what the page would write.
function pageAnswers(state: WizardState, page: Page): Answers {
	let answers = state.answers;
	for (const id of page.fields) {
		const checked = checkAnswer(id, state.drafts[id] ?? '');
		if (checked.ok) answers = commit(answers, id, checked.value);
	}
	return answers;
}

export type LaterProblem = {problem: string; mendOn: Page};

// Problems that name a setting of this page but also one asked later (myid against the servers
// of zoo.cfg): they stop only that later page, but are said here, before this page writes its file.
export function laterProblems(state: WizardState, pages: readonly Page[], index: number): LaterProblem[] {
	const page = pages[index];
	if (!page || page.fields.length === 0) return [];
	return consistencyProblems(resolveValues(pageAnswers(state, page))).flatMap(problem => {
		const at = problemPage(problem, pages);
		const mendOn = pages[at];
		const named = problemSettings(problem);
		return at > index && mendOn && page.fields.some(id => named.has(id)) ? [{problem, mendOn}] : [];
	});
}

export type NeededCommand = Extract<Check, {kind: 'command'}>;

// Commands the preflight checks for only because of this page's values (docker, when the agent's
// containerizers include it): the preflight ran before this page, so the page says it itself.
export function commandsNeededBy(state: WizardState, page: Page): NeededCommand[] {
	if (page.fields.length === 0) return [];
	const commandChecks = (answers: Answers): NeededCommand[] =>
		buildPlan(resolveValues(answers), state.facts)
			.steps.flatMap(step => step.actions)
			.flatMap(action => (action.kind === 'check' && action.check.kind === 'command' ? [action.check] : []));
	const withoutPage = Object.fromEntries(Object.entries(state.answers).filter(([id]) => !page.fields.includes(id)));
	const anyway = new Set(commandChecks(withoutPage).map(check => check.name));
	return commandChecks(pageAnswers(state, page)).filter(check => !anyway.has(check.name));
}

// A failed check that every later step needs (root, a Debian-family system with apt) cannot be
// skipped: skipping it would only fail every step after it.
function canSkip(page: Page, index: number): boolean {
	const action = page.step?.actions[index];
	return !(action?.kind === 'check' && (action.check.kind === 'root' || action.check.kind === 'apt'));
}

type Fields = Extract<WizardMode, {kind: 'fields'}>;

const fieldsMode = (state: Pick<WizardState, 'drafts'>, page: Page, focus: number): Fields => ({
	kind: 'fields',
	focus,
	cursor: textField(state.drafts[page.fields[focus] ?? ''] ?? '').cursor,
	problems: [],
});

function enterPage(state: WizardState, pages: readonly Page[], index: number, options: {notice?: string; focusLast?: boolean} = {}): WizardState {
	const page = pages[Math.min(Math.max(index, 0), pages.length - 1)] as Page;
	const values = resolveValues(state.answers);
	const base: WizardState = {
		...state,
		pageId: page.id,
		drafts: Object.fromEntries(page.fields.map(id => [id, values[id] ?? ''])),
		skippedHere: false,
		wholeFiles: false,
		notice: options.notice,
	};
	if (page.kind === 'welcome') return {...base, mode: {kind: 'welcome', offer: state.firstOffer, choice: 0}};
	// Preflight only reads the machine, so it runs as soon as it is shown.
	if (page.kind === 'checks') return {...base, mode: {kind: 'running', from: 0}};
	if (page.kind === 'done') return {...base, mode: {kind: 'done'}};
	if (page.fields.length > 0) return {...base, mode: fieldsMode(base, page, options.focusLast ? page.fields.length - 1 : 0)};
	return {...base, mode: {kind: 'review', scroll: 0}};
}

// The page again from its start: its fields, or its review.
const firstPhase = (state: WizardState, page: Page): WizardState => ({
	...state,
	skippedHere: false,
	mode: page.fields.length > 0 ? fieldsMode(state, page, 0) : {kind: 'review', scroll: 0},
});

// A finished page: file pages move straight on (the next page says what was written); pages
// that ran commands stay, so their output can be read.
function finishPage(state: WizardState, pages: readonly Page[], index: number, notice?: string): WizardState {
	const page = pages[index] as Page;
	const marked: WizardState = {...state, marks: {...state.marks, [page.id]: state.skippedHere ? 'skipped' : 'done'}};
	if (page.kind === 'file' && !state.skippedHere) return enterPage(marked, pages, index + 1, notice === undefined ? {} : {notice});
	return {...marked, notice, mode: {kind: 'finished'}};
}

function submitField(state: WizardState, pages: readonly Page[], index: number, mode: Extract<WizardMode, {kind: 'fields'}>): WizardState {
	const page = pages[index] as Page;
	const id = page.fields[mode.focus] ?? '';
	const checked = checkAnswer(id, state.drafts[id] ?? '');
	// Enter is refused while the value is not allowed; the error is already shown beside it.
	if (!checked.ok) return state;
	const drafts = {...state.drafts, [id]: checked.value};
	if (mode.focus < page.fields.length - 1) {
		const next = {...state, answers: commit(state.answers, id, checked.value), drafts};
		return {...next, mode: fieldsMode(next, page, mode.focus + 1)};
	}
	// The last field: every field on the page must hold an allowed value before the review.
	let answers = state.answers;
	for (const [fieldIndex, field] of page.fields.entries()) {
		const result = checkAnswer(field, drafts[field] ?? '');
		if (!result.ok) return {...state, drafts, mode: fieldsMode({drafts}, page, fieldIndex)};
		answers = commit(answers, field, result.value);
	}
	const problems = blockingProblems(answers, pagesOf({...state, answers}), index);
	if (problems.length > 0) return {...state, answers, drafts, mode: {...mode, problems}};
	return {...state, answers, drafts, mode: {kind: 'review', scroll: 0}};
}

// A value equal to what the setting already resolves to is not pinned, so a derived setting
// accepted as shown keeps following the one it derives from.
function commit(answers: Answers, id: string, value: string): Answers {
	if (answers[id] === value) return answers;
	if (!(id in answers) && resolveValues(answers)[id] === value) return answers;
	return {...answers, [id]: value};
}

function welcomeChoice(state: WizardState, pages: readonly Page[], choice: WelcomeChoice): WizardState {
	switch (choice) {
		case 'rehearse':
			return {...state, mode: {kind: 'welcome', offer: 'rehearsing', choice: 0}};
		case 'here':
			return {...state, mode: {kind: 'welcome', offer: state.resumeFrom ? 'resume' : 'ready', choice: 0}};
		case 'restart':
			return enterPage({...state, continueRun: false}, pages, 1);
		case 'resume': {
			const marks: Record<string, PageMark> = {...state.marks};
			for (const page of pages) if (page.step && state.earlierSteps.includes(page.step.id)) marks[page.id] = 'earlier';
			const target = pages.findIndex(page => page.step?.id === state.resumeFrom);
			return enterPage({...state, marks, continueRun: true}, pages, target > 0 ? target : 1);
		}
		case 'quit':
			return {...state, mode: {kind: 'exit', code: 0, reason: 'quit'}};
		case 'begin':
			return enterPage(state, pages, 1);
		case 'several':
			return {...state, mode: {kind: 'exit', code: 0, reason: 'several'}};
	}
}

const quitCode = (state: WizardState, under: WizardMode): number => (state.hadFailure || under.kind === 'failed' ? 1 : 0);

// The keys' actions on the mode under the quit question (or with none asked).
function onMode(state: WizardState, mode: WizardMode, action: WizardAction, pages: readonly Page[], index: number): WizardState {
	const page = pages[index] as Page;
	switch (action.type) {
		case 'accept':
			switch (mode.kind) {
				case 'welcome': {
					const choice = welcomeChoices[mode.offer][mode.choice];
					return choice ? welcomeChoice(state, pages, choice) : state;
				}
				case 'review':
					return {...state, notice: undefined, mode: {kind: 'running', from: 0}};
				case 'finished':
					return enterPage(state, pages, index + 1);
				case 'done':
					return {...state, mode: {kind: 'exit', code: state.hadFailure ? 1 : 0, reason: 'finished'}};
				default:
					return state;
			}
		case 'back':
			switch (mode.kind) {
				case 'fields':
					return enterPage(state, pages, index - 1, {focusLast: true});
				case 'review':
					return page.fields.length > 0 ? {...state, mode: fieldsMode(state, page, page.fields.length - 1)} : enterPage(state, pages, index - 1, {focusLast: true});
				case 'finished':
				case 'failed':
					return page.kind === 'checks' ? enterPage(state, pages, index - 1) : firstPhase(state, page);
				default:
					return state;
			}
		case 'field': {
			if (mode.kind !== 'fields') return state;
			const id = page.fields[mode.focus];
			const setting = id ? findSetting(id) : undefined;
			if (!id || !setting) return state;
			const field = applyFieldAction(setting, {text: state.drafts[id] ?? '', cursor: mode.cursor}, action.action);
			return {...state, drafts: {...state.drafts, [id]: field.text}, mode: {...mode, cursor: field.cursor, problems: []}};
		}
		case 'submit-field':
			return mode.kind === 'fields' ? submitField(state, pages, index, mode) : state;
		case 'focus-field': {
			if (mode.kind !== 'fields') return state;
			const focus = Math.min(Math.max(mode.focus + action.delta, 0), Math.max(page.fields.length - 1, 0));
			return focus === mode.focus ? state : {...state, mode: {...fieldsMode(state, page, focus), problems: mode.problems}};
		}
		case 'scroll':
			return mode.kind === 'review' ? {...state, mode: {...mode, scroll: Math.max(0, mode.scroll + action.delta)}} : state;
		case 'whole-files':
			return mode.kind === 'review' ? {...state, wholeFiles: !state.wholeFiles, mode: {...mode, scroll: 0}} : state;
		case 'choose': {
			if (mode.kind !== 'welcome') return state;
			const count = welcomeChoices[mode.offer].length;
			return count === 0 ? state : {...state, mode: {...mode, choice: moveChoice(mode.choice, action.delta, count)}};
		}
		case 'rehearsal-failed':
			return mode.kind === 'welcome' ? {...state, mode: {kind: 'welcome', offer: 'rehearsal', choice: 0, notice: action.message}} : state;
		case 'run-ended':
			if (mode.kind !== 'running') return state;
			if (!action.ok) {
				const failed = action.failedIndex ?? mode.from;
				return {...state, mode: {kind: 'failed', index: failed, message: action.message ?? 'the step failed', canSkip: canSkip(page, failed)}};
			}
			return finishPage(state, pages, index, action.notice);
		case 'retry':
			return mode.kind === 'failed' ? {...state, mode: {kind: 'running', from: mode.index}} : state;
		case 'skip': {
			if (mode.kind !== 'failed' || !mode.canSkip) return state;
			const skipped: WizardState = {...state, skippedHere: true, hadFailure: true};
			const next = mode.index + 1;
			if (next >= (page.step?.actions.length ?? 0)) return finishPage(skipped, pages, index);
			return {...skipped, mode: {kind: 'running', from: next}};
		}
		default:
			return state;
	}
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
	const {mode} = state;
	if (mode.kind === 'exit') return state;
	if (mode.kind === 'stopping') {
		// Only the end of the run that is being stopped moves on: then the wizard exits.
		if (action.type === 'run-ended') return {...state, mode: {kind: 'exit', code: 130, reason: 'stopped'}};
		return state;
	}
	if (mode.kind === 'quitting') {
		const {under} = mode;
		switch (action.type) {
			case 'quit':
			case 'stop-now':
				return under.kind === 'running' ? {...state, mode: {kind: 'stopping'}} : {...state, mode: {kind: 'exit', code: action.type === 'stop-now' ? 130 : quitCode(state, under), reason: 'quit'}};
			case 'stay':
			case 'back':
				return {...state, mode: under};
			case 'run-ended': {
				// The run ended while the question was asked: the question stays, over what it led to.
				const next = wizardReducer({...state, mode: under}, action);
				const after = next.mode;
				if (after.kind === 'quitting' || after.kind === 'stopping' || after.kind === 'exit') return next;
				return {...next, mode: {kind: 'quitting', under: after}};
			}
			default:
				return state;
		}
	}
	switch (action.type) {
		case 'ask-quit':
			return {...state, mode: {kind: 'quitting', under: mode}};
		case 'quit':
			return mode.kind === 'running' ? {...state, mode: {kind: 'stopping'}} : {...state, mode: {kind: 'exit', code: quitCode(state, mode), reason: 'quit'}};
		case 'stop-now':
			return mode.kind === 'running' ? {...state, mode: {kind: 'stopping'}} : {...state, mode: {kind: 'exit', code: 130, reason: 'quit'}};
		case 'stay':
			return state;
		default: {
			const pages = pagesOf(state);
			const {index} = currentPage(state, pages);
			return onMode(state, mode, action, pages, index);
		}
	}
}
