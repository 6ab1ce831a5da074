// What a wizard page's values mean beyond themselves: the rules across settings they break (ones
// to mend here, and ones a later page will hold), and the commands they need that the preflight
// could not check. Pure, read from the wizard's state.
import {type Answers, checkAnswer, consistencyProblems, type Problem, resolveValues} from './answers.js';
import {buildPlan, type Check} from './plan.js';
import {findSetting, type SettingId} from './settings.js';
import {askedSettings, type Page, problemPage} from './wizard-pages.js';
import type {WizardState} from './wizard-state.js';

// Problems whose settings are all on this page or earlier ones: they must be mended before going
// on. One that names a later setting waits for that page, where it can still be mended.
export function blockingProblems(answers: Answers, pages: readonly Page[], index: number): Problem[] {
	return consistencyProblems(resolveValues(answers), labelOf).filter(problem => {
		const at = problemPage(problem, pages);
		return at === -1 || at <= index;
	});
}

// The answers with what is typed on this page, where it is allowed: what the page would write.
export function pageAnswers(state: Pick<WizardState, 'answers' | 'drafts'>, page: Page): Answers {
	let answers = state.answers;
	for (const id of page.fields) {
		const typed = state.drafts[id];
		const checked = typed === undefined ? undefined : checkAnswer(id, typed);
		if (checked?.ok) answers = commit(answers, id, checked.value);
	}
	return answers;
}

// Values typed on a page left with Esc that their settings do not allow, of the settings still
// asked: kept as typed, and continuing waits for them as for a broken rule.
export function notAllowedProblems(drafts: WizardState['drafts'], pages: readonly Page[]): Problem[] {
	const asked = askedSettings(pages);
	return asked.flatMap(id => {
		const typed = drafts[id];
		return typed === undefined || checkAnswer(id, typed).ok ? [] : [{settings: [id], text: `${labelOf(id)}: "${typed}" is not allowed (kept as you typed it).`}];
	});
}

// The wizard names settings as the person reads them: by their labels.
export const labelOf = (id: SettingId): string => findSetting(id).label;

const either = (ids: readonly SettingId[]): string => ids.map(labelOf).join(' or ');

// What a problem says in the wizard, with how to mend it from where it is shown: on a question
// page, the fields above (or Esc back to the page that asked the other setting); on the settings
// at a glance, the setting's item.
export function problemsSaid(problems: readonly Problem[], pages: readonly Page[], index: number): string[] {
	const here = pages[index];
	return problems.map(problem => {
		if (here?.kind !== 'questions') return `${problem.text} Choose ${either(problem.settings)} in the list and press Enter to change it.`;
		const onPage = problem.settings.filter(id => here.fields.includes(id));
		const elsewhere = problem.settings.filter(id => !here.fields.includes(id));
		const fix = onPage.length > 0 ? `Change ${either(onPage)} above (Tab moves between fields)` : 'Change it';
		const back = elsewhere.length > 0 ? `, or press Esc to go back and change ${either(elsewhere)}` : '';
		return `${problem.text} ${fix}${back}.`;
	});
}

export type NeededCommand = Extract<Check, {kind: 'command'}>;

// Commands the preflight checks for only because of this page's values (apt-ftparchive, for a
// folder source): the preflight ran before this page, so the page says it itself.
export function commandsNeededBy(state: Pick<WizardState, 'answers' | 'drafts' | 'facts'>, page: Page): NeededCommand[] {
	if (page.fields.length === 0) return [];
	const commandChecks = (answers: Answers): NeededCommand[] =>
		buildPlan(resolveValues(answers), state.facts)
			.steps.flatMap(step => step.actions)
			.flatMap(action => (action.kind === 'check' && action.check.kind === 'command' ? [action.check] : []));
	const withoutPage: Answers = {...state.answers};
	for (const id of page.fields) delete withoutPage[id];
	const anyway = new Set(commandChecks(withoutPage).map(check => check.name));
	return commandChecks(pageAnswers(state, page)).filter(check => !anyway.has(check.name));
}

// A value equal to what the setting already resolves to is not pinned, so a derived setting
// accepted as shown keeps following the one it derives from.
export function commit(answers: Answers, id: SettingId, value: string): Answers {
	if (answers[id] === value) return answers;
	if (!(id in answers) && resolveValues(answers)[id] === value) return answers;
	return {...answers, [id]: value};
}
