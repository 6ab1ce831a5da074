// Every state transition of the setup wizard, as one pure reducer: which page is shown, in which
// phase (fields → review → running → finished, or failed), the answers typed so far, and the
// quit question. The Ink screens render this state and turn keys into these actions; the hook
// that runs a page's actions reports back with `run-ended`.
import {type Answers, checkAnswer, consistencyProblems, resolveValues} from './answers.js';
import type {Facts} from './facts.js';
import {buildPlan, type Check, type StepId} from './plan.js';
import {type Page, problemPage, problemSettings, wizardPages} from './wizard-pages.js';

export type Phase = 'fields' | 'review' | 'running' | 'finished' | 'failed';

// done: carried out in this run; skipped: a failed action was skipped; earlier: a killed run did it.
export type PageMark = 'done' | 'skipped' | 'earlier';

// rehearsal: not root or no apt, so a sandbox is offered; resume: a killed run can be continued.
export type Welcome = 'rehearsal' | 'rehearsing' | 'resume' | 'ready';

export type WizardState = {
	facts: Facts;
	answers: Answers;
	pageId: string;
	phase: Phase;
	welcome: Welcome;
	resumeFrom?: StepId;
	// Steps a killed run finished; carried into this run's progress when it is resumed.
	earlierSteps: StepId[];
	carried: StepId[];
	// What is typed in each field of the current page, valid or not.
	drafts: Record<string, string>;
	focus: number;
	// How far the file previews of a review are scrolled.
	scroll: number;
	// Rules across settings that stop this page from going on (myid not among the servers …).
	problems: string[];
	// The next run of this page starts at this action (after a retry or a skip).
	fromAction: number;
	runToken: number;
	skippedHere: boolean;
	failure?: {index: number; message: string};
	marks: Record<string, PageMark>;
	hadFailure: boolean;
	quitting: boolean;
	exitCode?: number;
	notice?: string;
};

export type WizardAction =
	| {type: 'accept'}
	| {type: 'back'}
	| {type: 'edit'; id: string; text: string}
	| {type: 'submit-field'; id: string; text: string}
	| {type: 'focus-field'; delta: number}
	| {type: 'scroll'; delta: number}
	| {type: 'welcome-choice'; choice: 'rehearse' | 'here' | 'resume' | 'restart'}
	| {type: 'rehearsal-failed'; message: string}
	| {type: 'run-ended'; ok: boolean; failedIndex?: number; message?: string; notice?: string}
	| {type: 'retry'}
	| {type: 'skip'}
	| {type: 'ask-quit'}
	| {type: 'stay'}
	| {type: 'quit'};

export type WizardStart = {
	facts: Facts;
	answers: Answers;
	sandbox: boolean;
	progress?: {completed: StepId[]; failedAt?: StepId; finished: boolean};
};

const stepOrder: StepId[] = ['preflight', 'key', 'repository', 'install', 'overrides', 'configuration', 'start'];

// Where a killed run stopped: the step that failed, or the first one it had not finished.
export function resumePoint(progress: WizardStart['progress']): StepId | undefined {
	if (!progress || progress.finished) return undefined;
	if (progress.failedAt) return progress.failedAt;
	if (progress.completed.length === 0) return undefined;
	return stepOrder.find(id => !progress.completed.includes(id));
}

export const needsRehearsal = (facts: Facts, sandbox: boolean): boolean => !sandbox && (!facts.isRoot || !facts.hasApt);

export function initialWizardState(start: WizardStart): WizardState {
	const resumeFrom = resumePoint(start.progress);
	return {
		facts: start.facts,
		answers: start.answers,
		pageId: 'welcome',
		phase: 'review',
		welcome: needsRehearsal(start.facts, start.sandbox) ? 'rehearsal' : resumeFrom ? 'resume' : 'ready',
		...(resumeFrom ? {resumeFrom} : {}),
		earlierSteps: resumeFrom ? (start.progress?.completed ?? []) : [],
		carried: [],
		drafts: {},
		focus: 0,
		scroll: 0,
		problems: [],
		fromAction: 0,
		runToken: 0,
		skippedHere: false,
		marks: {},
		hadFailure: false,
		quitting: false,
	};
}

export const pagesOf = (state: Pick<WizardState, 'answers' | 'facts'>): Page[] => wizardPages(buildPlan(resolveValues(state.answers), state.facts));

export function currentPage(state: WizardState, pages: readonly Page[] = pagesOf(state)): {page: Page; index: number} {
	const index = Math.max(0, pages.findIndex(p => p.id === state.pageId));
	return {page: pages[index] as Page, index};
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

function enterPage(state: WizardState, pages: readonly Page[], index: number, options: {notice?: string; focusLast?: boolean} = {}): WizardState {
	const page = pages[Math.min(Math.max(index, 0), pages.length - 1)] as Page;
	const values = resolveValues(state.answers);
	const base: WizardState = {
		...state,
		pageId: page.id,
		drafts: Object.fromEntries(page.fields.map(id => [id, values[id] ?? ''])),
		focus: options.focusLast ? Math.max(0, page.fields.length - 1) : 0,
		scroll: 0,
		problems: [],
		fromAction: 0,
		skippedHere: false,
		failure: undefined,
		notice: options.notice,
	};
	// Preflight only reads the machine, so it runs as soon as it is shown.
	if (page.kind === 'checks') return {...base, phase: 'running', runToken: state.runToken + 1};
	if (page.fields.length > 0) return {...base, phase: 'fields'};
	return {...base, phase: page.kind === 'done' ? 'finished' : 'review'};
}

const startRun = (state: WizardState, from: number): WizardState => ({
	...state,
	phase: 'running',
	fromAction: from,
	runToken: state.runToken + 1,
	failure: undefined,
	notice: undefined,
});

const firstPhase = (state: WizardState, page: Page): WizardState => ({
	...state,
	phase: page.fields.length > 0 ? 'fields' : 'review',
	focus: 0,
	scroll: 0,
	failure: undefined,
	fromAction: 0,
	skippedHere: false,
});

// A finished page: file pages move straight on (the next page says what was written); pages
// that ran commands stay, so their output can be read.
function finishPage(state: WizardState, pages: readonly Page[], index: number, notice?: string): WizardState {
	const page = pages[index] as Page;
	const marked: WizardState = {...state, marks: {...state.marks, [page.id]: state.skippedHere ? 'skipped' : 'done'}, fromAction: 0};
	if (page.kind === 'file' && !state.skippedHere) return enterPage(marked, pages, index + 1, notice === undefined ? {} : {notice});
	return {...marked, phase: 'finished', notice};
}

function submitField(state: WizardState, pages: readonly Page[], index: number, id: string, text: string): WizardState {
	const page = pages[index] as Page;
	const checked = checkAnswer(id, text);
	// Enter is refused while the value is not allowed; the error is already shown beside it.
	if (!checked.ok) return {...state, drafts: {...state.drafts, [id]: text}};
	const position = page.fields.indexOf(id);
	const drafts = {...state.drafts, [id]: checked.value};
	if (position >= 0 && position < page.fields.length - 1) return {...state, answers: commit(state.answers, id, checked.value), drafts, focus: position + 1, problems: []};
	// The last field: every field on the page must hold an allowed value before the review.
	let answers = state.answers;
	for (const [fieldIndex, field] of page.fields.entries()) {
		const result = checkAnswer(field, drafts[field] ?? '');
		if (!result.ok) return {...state, drafts, focus: fieldIndex};
		answers = commit(answers, field, result.value);
	}
	const problems = blockingProblems(answers, pagesOf({...state, answers}), index);
	if (problems.length > 0) return {...state, answers, drafts, problems};
	return {...state, answers, drafts, problems: [], phase: 'review'};
}

// A value equal to what the setting already resolves to is not pinned, so a derived setting
// accepted as shown keeps following the one it derives from.
function commit(answers: Answers, id: string, value: string): Answers {
	if (answers[id] === value) return answers;
	if (!(id in answers) && resolveValues(answers)[id] === value) return answers;
	return {...answers, [id]: value};
}

function welcomeChoice(state: WizardState, pages: readonly Page[], choice: 'rehearse' | 'here' | 'resume' | 'restart'): WizardState {
	switch (choice) {
		case 'rehearse':
			return {...state, welcome: 'rehearsing', notice: undefined};
		case 'here':
			return {...state, welcome: state.resumeFrom ? 'resume' : 'ready', notice: undefined};
		case 'restart':
			return enterPage({...state, welcome: 'ready', carried: []}, pages, 1);
		case 'resume': {
			const marks: Record<string, PageMark> = {...state.marks};
			for (const page of pages) if (page.step && state.earlierSteps.includes(page.step.id)) marks[page.id] = 'earlier';
			const target = pages.findIndex(page => page.step?.id === state.resumeFrom);
			return enterPage({...state, welcome: 'ready', marks, carried: [...state.earlierSteps]}, pages, target > 0 ? target : 1);
		}
	}
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
	if (state.exitCode !== undefined) return state;
	const pages = pagesOf(state);
	const {page, index} = currentPage(state, pages);
	switch (action.type) {
		case 'ask-quit':
			return {...state, quitting: true};
		case 'stay':
			return {...state, quitting: false};
		case 'quit':
			return {...state, exitCode: state.hadFailure || state.phase === 'failed' ? 1 : 0};
		case 'accept':
			if (state.quitting) return state;
			if (page.kind === 'welcome') return state.welcome === 'ready' ? enterPage(state, pages, index + 1) : state;
			if (page.kind === 'done') return {...state, exitCode: state.hadFailure ? 1 : 0};
			if (state.phase === 'review') return startRun(state, 0);
			if (state.phase === 'finished') return enterPage(state, pages, index + 1);
			return state;
		case 'back':
			if (state.quitting) return {...state, quitting: false};
			if (page.kind === 'welcome' || page.kind === 'done') return state;
			switch (state.phase) {
				case 'fields':
					return enterPage(state, pages, index - 1, {focusLast: true});
				case 'review':
					return page.fields.length > 0 ? {...state, phase: 'fields', focus: page.fields.length - 1} : enterPage(state, pages, index - 1, {focusLast: true});
				case 'running':
					return state;
				case 'finished':
				case 'failed':
					return page.kind === 'checks' ? enterPage(state, pages, index - 1) : firstPhase(state, page);
			}
			return state;
		case 'edit':
			// Only the focused field takes text: a key that reaches a field just left is dropped.
			if (state.phase !== 'fields' || page.fields[state.focus] !== action.id) return state;
			return {...state, drafts: {...state.drafts, [action.id]: action.text}, problems: []};
		case 'submit-field':
			return state.phase === 'fields' && !state.quitting ? submitField(state, pages, index, action.id, action.text) : state;
		case 'focus-field':
			if (state.phase !== 'fields') return state;
			return {...state, focus: Math.min(Math.max(state.focus + action.delta, 0), Math.max(page.fields.length - 1, 0))};
		case 'scroll':
			return state.phase === 'review' ? {...state, scroll: Math.max(0, state.scroll + action.delta)} : state;
		case 'welcome-choice':
			return page.kind === 'welcome' ? welcomeChoice(state, pages, action.choice) : state;
		case 'rehearsal-failed':
			return {...state, welcome: 'rehearsal', notice: action.message};
		case 'run-ended':
			if (state.phase !== 'running') return state;
			if (!action.ok) return {...state, phase: 'failed', failure: {index: action.failedIndex ?? state.fromAction, message: action.message ?? 'the step failed'}};
			return finishPage(state, pages, index, action.notice);
		case 'retry':
			return state.phase === 'failed' && state.failure ? startRun(state, state.failure.index) : state;
		case 'skip': {
			if (state.phase !== 'failed' || !state.failure) return state;
			const skipped: WizardState = {...state, skippedHere: true, hadFailure: true};
			const next = state.failure.index + 1;
			if (next >= (page.step?.actions.length ?? 0)) return finishPage({...skipped, failure: undefined}, pages, index);
			return startRun(skipped, next);
		}
	}
}
