// How the wizard moves between pages and phases: entering a page, finishing it, the question
// pages' last Enter (the page checked, then on), and the settings at a glance and the summary
// that come before the run.
import {checkAnswer} from './answers.js';
import {filesToRead} from './change-summary.js';
import type {Step} from './plan.js';
import {changedForPreflight} from './preflight-recheck.js';
import type {SettingId} from './settings.js';
import {textField} from './text-editing.js';
import {askedSettings, type Page, settingsPageId, summaryPageId} from './wizard-pages.js';
import {blockingProblems, commit, notAllowedProblems, pageAnswers, problemsSaid} from './wizard-problems.js';
import {fieldText, pagesOf, type WizardMode, type WizardState} from './wizard-state.js';

// A failed check that every later step needs (root, a Debian-family system with apt) cannot be
// skipped: skipping it would only fail every step after it.
export function canSkip(page: Page, index: number): boolean {
	const action = page.step?.actions[index];
	return !(action?.kind === 'check' && (action.check.kind === 'root' || action.check.kind === 'apt'));
}

// The pages that change the machine, run one after another once the summary is accepted.
export const isRunPage = (page: Page | undefined): boolean => page?.kind === 'commands' || page?.kind === 'services';

// Where the run starts: at its first step, or where a stopped run that is continued stopped.
export function runStart(state: Pick<WizardState, 'continueRun' | 'resumeFrom'>, pages: readonly Page[]): number {
	const resumed = state.continueRun && state.resumeFrom ? pages.findIndex(page => isRunPage(page) && page.step?.id === state.resumeFrom) : -1;
	return resumed >= 0 ? resumed : pages.findIndex(isRunPage);
}

// The steps the run will carry out, from where it starts: what the summary lists.
export const runSteps = (state: Pick<WizardState, 'continueRun' | 'resumeFrom'>, pages: readonly Page[]): Step[] =>
	pages
		.slice(runStart(state, pages))
		.filter(isRunPage)
		.flatMap(page => (page.step ? [page.step] : []));

// The files the summary lists, in its order: the cursor moves over them.
export const summaryFiles = (state: Pick<WizardState, 'continueRun' | 'resumeFrom'>, pages: readonly Page[]): string[] => filesToRead(runSteps(state, pages));

// The first items of the settings at a glance, before one item per setting.
export const overviewActions = ['continue', 'walk'] as const;

// How many items the settings at a glance lists.
export const askedCount = (pages: readonly Page[]): number => overviewActions.length + askedSettings(pages).length;

// The overview's item for a setting.
export const overviewItemOf = (pages: readonly Page[], id: SettingId | undefined): number => {
	const at = id ? askedSettings(pages).indexOf(id) : -1;
	return at < 0 ? 0 : overviewActions.length + at;
};

export type Fields = Extract<WizardMode, {kind: 'fields'}>;

export function fieldsMode(state: Pick<WizardState, 'answers' | 'drafts'>, page: Page, focus: number): Fields {
	const id = page.fields[focus];
	return {kind: 'fields', focus, cursor: textField(id ? fieldText(state, id) : '').cursor, problems: []};
}

type EnterOptions = {notice?: string; focusLast?: boolean; focus?: number; cursor?: number};

export function enterPage(state: WizardState, pages: readonly Page[], index: number, options: EnterOptions = {}): WizardState {
	const page = pages[Math.min(Math.max(index, 0), pages.length - 1)] as Page;
	const base: WizardState = {
		...state,
		pageId: page.id,
		skippedHere: false,
		wholeFiles: false,
		notice: options.notice,
	};
	switch (page.kind) {
		case 'welcome':
			return {...base, mode: {kind: 'welcome', offer: state.firstOffer, choice: 0}};
		case 'settings':
			return {...base, mode: {kind: 'overview', cursor: options.cursor ?? 0, problems: []}};
		case 'questions':
			return {...base, mode: fieldsMode(base, page, options.focus ?? (options.focusLast ? page.fields.length - 1 : 0))};
		case 'summary': {
			// A setting the preflight checks changed since it ran: it runs again first, then the summary.
			const changed = state.checkedWith === undefined ? [] : changedForPreflight(state.checkedWith, state.answers, state.facts);
			if (changed.length > 0) return enterPage({...state, recheck: changed}, pages, pages.findIndex(other => other.kind === 'checks'));
			return {...base, mode: {kind: 'summary', cursor: 0, open: false, scroll: 0}};
		}
		case 'done':
			return {...base, mode: {kind: 'done'}};
		// The preflight only reads the machine, so it runs as soon as it is shown; a page that
		// changes it is entered only from the summary (or from the page before it in the run).
		case 'checks':
		case 'commands':
		case 'services':
			return {...base, mode: {kind: 'running', from: 0}};
	}
}

export const enterById = (state: WizardState, pages: readonly Page[], id: string, options: EnterOptions = {}): WizardState =>
	enterPage(
		state,
		pages,
		pages.findIndex(page => page.id === id),
		options,
	);

// A finished page: a page of the run goes straight on to the next one (a failure or a skip
// stops there); the preflight and the last step stay, so what they found can be read.
export function finishPage(state: WizardState, pages: readonly Page[], index: number, notice?: string, options = {chain: true}): WizardState {
	const page = pages[index] as Page;
	const checked = page.kind === 'checks' ? {checkedWith: state.answers} : {};
	const marked: WizardState = {...state, ...checked, marks: {...state.marks, [page.id]: state.skippedHere ? 'skipped' : 'done'}};
	if (options.chain && isRunPage(page) && isRunPage(pages[index + 1]) && !state.skippedHere) return enterPage(marked, pages, index + 1, notice === undefined ? {} : {notice});
	return {...marked, notice, mode: {kind: 'finished'}};
}

// Where a question page goes when it is done or left: on through the pages in the guided walk,
// else back to the settings at a glance, on the setting it opened.
function leaveQuestions(state: WizardState, pages: readonly Page[], index: number, forward: boolean): WizardState {
	const page = pages[index] as Page;
	if (state.guided) {
		if (forward) return enterPage(state, pages, index + 1);
		const before = pages[index - 1];
		if (before?.kind === 'questions') return enterPage(state, pages, index - 1, {focusLast: true});
	}
	return enterById({...state, guided: false}, pages, settingsPageId, {cursor: overviewItemOf(pages, (!state.guided && state.opened) || page.fields[0])});
}

// Esc: what was typed on the page is kept. An allowed value is taken into the answers, as Enter
// would; one not allowed stays as typed (the page shows it again, the list marks it, continuing
// waits for it), so nothing typed is dropped unsaid.
export function leaveFields(state: WizardState, pages: readonly Page[], index: number): WizardState {
	const page = pages[index] as Page;
	const answers = pageAnswers(state, page);
	const drafts = Object.fromEntries(Object.entries(state.drafts).filter(([id, typed]) => !page.fields.includes(id as SettingId) || !checkAnswer(id, typed ?? '').ok));
	const kept = {...state, answers, drafts};
	const after = pagesOf(kept);
	const at = after.findIndex(other => other.id === page.id);
	return at < 0 ? enterById({...kept, guided: false}, after, settingsPageId) : leaveQuestions(kept, after, at, false);
}

// The drafts but those of `ids` (taken into the answers).
const withoutDrafts = (drafts: WizardState['drafts'], ids: readonly SettingId[]): WizardState['drafts'] => Object.fromEntries(Object.entries(drafts).filter(([id]) => !ids.includes(id as SettingId)));

export function submitField(state: WizardState, pages: readonly Page[], index: number, mode: Fields): WizardState {
	const page = pages[index] as Page;
	const id = page.fields[mode.focus];
	if (!id) return state;
	const checked = checkAnswer(id, fieldText(state, id));
	// Enter is refused while the value is not allowed; the error is already shown beside it.
	if (!checked.ok) return state;
	if (mode.focus < page.fields.length - 1) {
		// Taken into the answers; the page may change with it (another source asks other fields):
		// the focus goes to the field after this one on the page as it is now.
		const next = {...state, answers: commit(state.answers, id, checked.value), drafts: withoutDrafts(state.drafts, [id])};
		const now = pagesOf(next).find(other => other.id === page.id) ?? page;
		return {...next, mode: fieldsMode(next, now, Math.min(now.fields.indexOf(id) + 1, now.fields.length - 1))};
	}
	// The last field: every field on the page must hold an allowed value before going on; what
	// was typed is then taken into the answers (a field left as shown keeps following its default).
	const typed = {...state.drafts, [id]: checked.value};
	let answers = state.answers;
	for (const [fieldIndex, field] of page.fields.entries()) {
		const result = checkAnswer(field, fieldText({answers, drafts: typed}, field));
		if (!result.ok) return {...state, drafts: typed, mode: fieldsMode({answers: state.answers, drafts: typed}, page, fieldIndex)};
		if (typed[field] !== undefined) answers = commit(answers, field, result.value);
	}
	const drafts = withoutDrafts(typed, page.fields);
	const after = pagesOf({...state, answers});
	const problems = blockingProblems(answers, after, index);
	if (problems.length > 0) return {...state, answers, drafts, mode: {...mode, problems: problemsSaid(problems, after, index)}};
	return leaveQuestions({...state, answers, drafts}, after, index, true);
}

// Enter on the settings at a glance: continue to the summary (once the settings agree), walk
// every page, or open the page of the setting under the cursor.
export function acceptOverview(state: WizardState, pages: readonly Page[], index: number, cursor: number): WizardState {
	const action = overviewActions[cursor];
	if (action === 'walk') {
		const first = pages.findIndex(page => page.kind === 'questions');
		return enterPage({...state, guided: true}, pages, first);
	}
	if (action === 'continue') {
		const problems = [...notAllowedProblems(state.drafts, pages), ...blockingProblems(state.answers, pages, pages.length)];
		if (problems.length > 0) return {...state, mode: {kind: 'overview', cursor, problems: problemsSaid(problems, pages, index)}};
		return enterById(state, pages, summaryPageId);
	}
	const id = askedSettings(pages)[cursor - overviewActions.length];
	const at = pages.findIndex(page => id !== undefined && page.fields.includes(id));
	if (!id || at < 0) return state;
	return enterPage({...state, guided: false, opened: id}, pages, at, {focus: (pages[at] as Page).fields.indexOf(id)});
}

// Enter on the summary: the run starts.
export const startRun = (state: WizardState, pages: readonly Page[]): WizardState => enterPage(state, pages, runStart(state, pages));
