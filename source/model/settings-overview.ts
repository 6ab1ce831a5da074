// Every setting the wizard asks, at a glance: its value, where it is written, whether it differs
// from the default, whether it breaks a rule across settings, and a value typed that is not
// allowed. Pure; the wizard's settings page shows these rows, in the order the question pages ask them.
import {type Answers, consistencyProblems, resolveValues} from './answers.js';
import type {Facts} from './facts.js';
import {type SettingId, findSetting} from './settings.js';
import {askedSettings, homeOf, type Page} from './wizard-pages.js';
import {notAllowedProblems} from './wizard-problems.js';

export type OverviewRow = {
	id: SettingId;
	label: string;
	value: string;
	// The file it is written to, or where an installer setting is kept.
	where: string;
	// Set by the person (an answers file, --set, a page), to another value than the default.
	changed: boolean;
	// A rule across settings that it breaks (said in full under the list).
	problem: boolean;
	// Typed on a page left with Esc and not allowed: the value shown is what was typed.
	notAllowed: boolean;
};

export const savedAnswersPlace = 'the saved answers';
export const notSetValue = '(not set)';
export const noFilePlace = 'no file written';

export function overviewRows(answers: Answers, facts: Facts, pages: readonly Page[], drafts: Partial<Record<SettingId, string>> = {}): OverviewRow[] {
	const values = resolveValues(answers);
	const typed = new Set(notAllowedProblems(drafts, pages).flatMap(problem => problem.settings));
	const defaults = resolveValues({});
	const broken = new Set(consistencyProblems(values).flatMap(problem => problem.settings));
	// Empty where empty writes no file (master.ip): said, and no file named that will not be written.
	const unset = (id: SettingId): boolean => findSetting(id).emptyWritesNothing === true && values[id] === '';
	return askedSettings(pages).map(id => ({
		id,
		label: findSetting(id).label,
		value: typed.has(id) ? (drafts[id] ?? '') : unset(id) ? notSetValue : values[id],
		where: unset(id) ? noFilePlace : (homeOf(id, facts) ?? savedAnswersPlace),
		changed: answers[id] !== undefined && answers[id] !== defaults[id],
		problem: broken.has(id),
		notAllowed: typed.has(id),
	}));
}
