// How the wizard moves between pages and phases: entering a page, finishing it, and the fields'
// last Enter that checks the page before its review.
import {checkAnswer, problemTexts, resolveValues} from './answers.js';
import type {SettingId} from './settings.js';
import {textField} from './text-editing.js';
import type {Page} from './wizard-pages.js';
import {blockingProblems, commit} from './wizard-problems.js';
import {pagesOf, type WizardMode, type WizardState} from './wizard-state.js';

// A failed check that every later step needs (root, a Debian-family system with apt) cannot be
// skipped: skipping it would only fail every step after it.
export function canSkip(page: Page, index: number): boolean {
	const action = page.step?.actions[index];
	return !(action?.kind === 'check' && (action.check.kind === 'root' || action.check.kind === 'apt'));
}

export type Fields = Extract<WizardMode, {kind: 'fields'}>;

export const draftOf = (state: Pick<WizardState, 'drafts'>, id: SettingId | undefined): string => (id ? (state.drafts[id] ?? '') : '');

export const fieldsMode = (state: Pick<WizardState, 'drafts'>, page: Page, focus: number): Fields => ({
	kind: 'fields',
	focus,
	cursor: textField(draftOf(state, page.fields[focus])).cursor,
	problems: [],
});

export function enterPage(state: WizardState, pages: readonly Page[], index: number, options: {notice?: string; focusLast?: boolean} = {}): WizardState {
	const page = pages[Math.min(Math.max(index, 0), pages.length - 1)] as Page;
	const values = resolveValues(state.answers);
	const base: WizardState = {
		...state,
		pageId: page.id,
		drafts: Object.fromEntries(page.fields.map(id => [id, values[id]])),
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
export const firstPhase = (state: WizardState, page: Page): WizardState => ({
	...state,
	skippedHere: false,
	mode: page.fields.length > 0 ? fieldsMode(state, page, 0) : {kind: 'review', scroll: 0},
});

// A finished page: file pages move straight on (the next page says what was written); pages
// that ran commands stay, so their output can be read.
export function finishPage(state: WizardState, pages: readonly Page[], index: number, notice?: string): WizardState {
	const page = pages[index] as Page;
	const marked: WizardState = {...state, marks: {...state.marks, [page.id]: state.skippedHere ? 'skipped' : 'done'}};
	if (page.kind === 'file' && !state.skippedHere) return enterPage(marked, pages, index + 1, notice === undefined ? {} : {notice});
	return {...marked, notice, mode: {kind: 'finished'}};
}

export function submitField(state: WizardState, pages: readonly Page[], index: number, mode: Extract<WizardMode, {kind: 'fields'}>): WizardState {
	const page = pages[index] as Page;
	const id = page.fields[mode.focus];
	if (!id) return state;
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
	if (problems.length > 0) return {...state, answers, drafts, mode: {...mode, problems: problemTexts(problems)}};
	return {...state, answers, drafts, mode: {kind: 'review', scroll: 0}};
}
