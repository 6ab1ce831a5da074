// One setting changed, from what the machine holds now: the value checked, the settings that
// follow it (when a person asks), the problems a change would add, and the plan that writes
// only the files that hold them and restarts only the services they affect.
import {type Answers, checkAnswer, consistencyProblems, followedValue, followersOf, problemTexts, resolveValues, type Values, withChange} from './answers.js';
import {type CurrentValues, handEdited, notSetText} from './current-values.js';
import type {Facts} from './facts.js';
import {buildChangePlan, type Plan, type Step} from './plan.js';
import type {ServiceName} from './services.js';
import {editRefusal} from './editable-settings.js';
import {findSetting, type SettingId, settingIds} from './settings.js';

// `fileMissing`: the file that holds it does not exist, so `before` is only what would be written.
export type ValueChange = {id: SettingId; before: string; after: string; fileMissing?: boolean};

export type SettingChange = {
	id: SettingId;
	value: string;
	answers: Answers;
	values: Values;
	// Every setting whose value changes: the one chosen, and the followers that come along.
	changes: ValueChange[];
	plan: Plan;
	// The saved answer for `id` the setting does not allow (state.json edited by hand, or an older
	// version's): the change replaces it, even where the files hold `value` already.
	replacesSaved?: {value: string; problem: string};
};

export type ChangeCheck = {ok: true; change: SettingChange} | {ok: false; problems: string[]};

// The settings that follow `id` now (on disk, its value, or what they make of it: marathon.zk its
// hosts under /marathon), so a change of `id` can take them along.
export function followersFollowing(current: CurrentValues, id: SettingId): SettingId[] {
	return followersOf(id)
		.filter(follower => current.values[follower.id] === followedValue(follower, current.values[id]))
		.map(follower => follower.id);
}

// The question before a change takes the followers along: who follows, and what each becomes (a
// copy of `value`; or, where one makes its own of it, each value on a line with the ones it goes to).
export function followersQuestion(id: SettingId, value: string, followers: readonly SettingId[]): string[] {
	const after = new Map<string, SettingId[]>();
	for (const follower of followers) {
		const becomes = followedValue(findSetting(follower), value);
		after.set(becomes, [...(after.get(becomes) ?? []), follower]);
	}
	const who = `${followers.join(', ')} follow${followers.length === 1 ? 's' : ''} ${id}`;
	const them = followers.length === 1 ? 'it' : 'them';
	if (after.size === 1 && after.has(value)) return [`${who} (they hold the same value now).`, `Change ${them} to ${value} too? (y/n)`];
	return [`${who} (they hold its value now, or one made from it).`, ...[...after].map(([becomes, ids]) => `  ${ids.join(', ')} → ${becomes}`), `Change ${them} too? (y/n)`];
}

export function planSettingChange(current: CurrentValues, facts: Facts, id: SettingId, raw: string, followersToo: boolean): ChangeCheck {
	const checked = checkAnswer(id, raw);
	if (!checked.ok) return {ok: false, problems: [checked.message]};
	const outside = editRefusal(id, current.values, checked.value);
	if (outside) return {ok: false, problems: [outside]};
	// The answers a change saves have no place for a saved answer that is not allowed: another
	// setting's, with no answer given in its place, would be dropped unsaid; that setting first.
	const savedBad = current.savedNotAllowed ?? [];
	const first = savedBad.filter(saved => saved.id !== id && !saved.given);
	if (first.length > 0) return {ok: false, problems: first.map(saved => `${saved.problem.replace(/\.$/, '')} (a saved answer: change ${saved.id} first, which replaces it; then ${id}).`)};
	const replaced = savedBad.find(saved => saved.id === id);
	const answers = withChange(current.answers, id, checked.value, followersToo);
	const values = resolveValues(answers);
	// Only problems the change brings are refused: one already on disk is not this edit's doing.
	const before = new Set(problemTexts(consistencyProblems(current.values)));
	const added = problemTexts(consistencyProblems(values)).filter(problem => !before.has(problem));
	if (added.length > 0) return {ok: false, problems: added};
	const missing = new Set(current.settings.filter(s => s.fileMissing).map(s => s.id));
	// A value on disk the setting does not allow (a hand edit) stands in the values as the saved
	// one, but its file holds it: for the setting asked for, even the saved value is a change that
	// rewrites the file. Another setting's stays as it is unless the change takes it along (a
	// follower), and then it is said as its file holds it.
	const notAllowed = new Map(current.settings.filter(s => s.problem !== undefined).map(s => [s.id, s.value]));
	const held = (key: SettingId): string => notAllowed.get(key) ?? current.values[key];
	const changes = settingIds
		.filter(key => values[key] !== (key === id ? held(key) : current.values[key]))
		.map(key => ({id: key, before: held(key), after: values[key], ...(missing.has(key) ? {fileMissing: true} : {})}));
	const plan = buildChangePlan(values, facts, new Set(changes.map(c => c.id)));
	return {ok: true, change: {id, value: checked.value, answers, values, changes, plan, ...(replaced ? {replacesSaved: {value: replaced.value, problem: replaced.problem}} : {})}};
}

// What becomes of each file whose value differs from the answers, said before the change.
// `saved`: the saved answers' values alone, so a value only --set or --answers gave is not called a
// hand edit's doing.
export function handEditLines(current: CurrentValues, change: SettingChange, saved: Values): string[] {
	return handEdited(current).flatMap(edited => {
		const why = edited.problem?.replace(/\.$/, '');
		const given = saved[edited.id] !== edited.saved;
		// The setting asked for, or a follower it takes along: its file is rewritten (the Changing
		// line says to what; a value --set gave for it needs no word).
		const changing = change.changes.find(c => c.id === edited.id);
		if (changing) return given ? [] : [`${edited.id} was edited by hand in ${edited.path} to ${edited.value}${why === undefined ? '' : `, which is not allowed (${why})`}: it is replaced by ${changing.after}.`];
		if (why === undefined && given) return [`${edited.id}: ${edited.path} holds ${edited.value}, which is kept; the answers given said ${edited.saved} (edit writes ${change.id} and what follows it: run edit ${edited.id} to change that one).`];
		if (why === undefined) return [`${edited.id} was edited by hand in ${edited.path}: ${edited.value} is kept (the saved answer said ${edited.saved}).`];
		// Not a value the setting allows: not taken as the machine's value, and said so.
		return [`${edited.id} was edited by hand in ${edited.path} to ${edited.value}, which is not allowed (${why}): the file is left as it is, and ${given ? `${edited.saved}, from the answers given,` : `the saved answer ${edited.saved}`} stands for it.`];
	});
}

// An empty value is said, not left as nothing after the arrow.
const valueText = (value: string): string => (value === '' ? '(empty)' : value);
export const changeLine = (change: ValueChange): string => `${change.id}: ${change.fileMissing ? notSetText(change.id, change.before) : valueText(change.before)} → ${valueText(change.after)}`;

// Nothing to write: no value moves and no saved answer is replaced.
export const changesNothing = (change: SettingChange): boolean => change.changes.length === 0 && change.replacesSaved === undefined;

// The saved answer a change replaces: said before it (edit --yes, the screen's preview), and once written.
export function replacedSavedLine(change: SettingChange): string | undefined {
	const saved = change.replacesSaved;
	return saved && `The saved answer for ${change.id} is not allowed (${saved.problem.replace(/\.$/, '')}): it is replaced by ${valueText(change.value)}.`;
}
export const savedAnswerLine = (change: SettingChange): string | undefined => (change.replacesSaved ? `The saved answer for ${change.id} is now ${valueText(change.value)}.` : undefined);

const stepOf = (change: SettingChange, id: Step['id']): Step =>
	change.plan.steps.find(step => step.id === id) ?? {id, title: id, summary: '', actions: []};

// A change is carried out in two parts, so the edit screen can ask between them: the files, then
// the restart of what they affect.
export const writeStep = (change: SettingChange): Step => stepOf(change, 'configuration');
export const restartStepOf = (change: SettingChange): Step => stepOf(change, 'start');

export const servicesOf = (step: Step): ServiceName[] => step.actions.flatMap(action => (action.kind === 'service' ? [action.service] : []));
