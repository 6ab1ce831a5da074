// Answers are what a person set; values are every setting resolved from defaults, derivations
// and answers. Precedence (lowest first): defaults ← saved answers ← --answers ← --set ← typed.
import {findSetting, type Setting, type SettingId, settingIdFrom, settings} from './settings.js';
import {show} from './shown-value.js';
import {loopbackProblems} from './loopback-problems.js';
import {portProblems} from './port-problems.js';
import {sourceProblems} from './source-problems.js';
import {parseServers} from './validate.js';

// What a person set, by setting id; a setting not set follows its default or derivation.
export type Answers = Partial<Record<SettingId, string>>;
// Every setting's value: the type guarantees one for each id, so no lookup needs a fallback.
export type Values = Readonly<Record<SettingId, string>>;
// Answers as they come from outside (a file, --set, the saved state): ids not yet checked.
export type RawAnswers = Readonly<Record<string, string>>;

export type AnswerCheck = {ok: true; id: SettingId; value: string} | {ok: false; message: string};

// No setting needs more (a path is at most 4095); a longer value is refused before it is looked at.
export const maxValueLength = 4096;

// No setting may hold a control character: it would end up inside an /etc file or a script.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

// One value for one setting, checked; the message names the setting, the value and what is allowed.
// The id may come from outside: one the catalogue does not hold is refused with the ones it does.
export function checkAnswer(rawId: string, raw: string): AnswerCheck {
	const known = settingIdFrom(rawId);
	if (!known.ok) return known;
	const {id} = known;
	const setting = findSetting(id);
	if (raw.length > maxValueLength) {
		return {ok: false, message: `${id}: ${show(raw)} is not allowed; a value is at most ${maxValueLength} characters.`};
	}
	if (controlCharacter.test(raw)) {
		return {ok: false, message: `${id}: ${show(raw)} is not allowed; it holds a line break or another control character: type the value on one line, without them.`};
	}
	const result = setting.validate(raw);
	if (result.ok) return {ok: true, id, value: result.value};
	return {ok: false, message: `${id}: ${show(raw)} is not allowed; use ${result.allowed}.`};
}

// Answers read back from disk (the saved state, a journal) name only settings of the catalogue:
// the message for the first id that is not one.
export function unknownIdIn(answers: object): string | undefined {
	for (const id of Object.keys(answers)) {
		const known = settingIdFrom(id);
		if (!known.ok) return known.message;
	}
	return undefined;
}

// The answers given, in the order they were given. Their keys are setting ids by construction: every
// way into Answers from outside goes through settingIdFrom.
export const answerEntries = (answers: Answers): [SettingId, string][] => Object.entries(answers) as [SettingId, string][];

export function checkAnswers(answers: RawAnswers): {answers: Answers; problems: string[]} {
	const checked: Answers = {};
	const problems: string[] = [];
	for (const [id, raw] of Object.entries(answers)) {
		const result = checkAnswer(id, raw);
		if (result.ok) checked[result.id] = result.value;
		else problems.push(result.message);
	}
	return {answers: checked, problems};
}

// Settings that follow `id` until set by a person.
export const followersOf = (id: SettingId): Setting[] => settings.filter(s => s.derivedFrom === id);

// What a follower holds while it follows `leader`: a copy, or what its transform makes of it
// (marathon.zk: the same ZooKeeper hosts under /marathon).
export const followedValue = (follower: Setting, leader: string): string => (follower.derivedAs ? follower.derivedAs(leader) : leader);

export function resolveValues(answers: Answers): Values {
	const values: Partial<Record<SettingId, string>> = {};
	// Catalogue order puts every setting after the one it derives from.
	for (const setting of settings) {
		const leader = setting.derivedFrom ? values[setting.derivedFrom] : undefined;
		const derived = leader === undefined ? undefined : followedValue(setting, leader);
		const byOther = setting.defaultBy ? setting.defaultBy.value(values[setting.defaultBy.setting] ?? '') : undefined;
		values[setting.id] = answers[setting.id] ?? derived ?? byOther ?? setting.default;
	}
	return values as Values;
}

// Why a setting holds its value where another setting's value chose that default (the executor
// registration timeout while docker is among the containerizers); said on its page and as its
// file's note, whether the default was taken or the same value typed.
export function defaultReason(id: SettingId, values: Values): string | undefined {
	const {defaultBy} = findSetting(id);
	if (!defaultBy) return undefined;
	const value = defaultBy.value(values[defaultBy.setting]);
	return value !== undefined && values[id] === value ? defaultBy.why : undefined;
}

// A rule across settings that the values break: the settings it is about (a page that asks one of
// them can mend it) and the sentence that says what is wrong and what to do.
export type Problem = {settings: SettingId[]; text: string};

// The settings each rule across settings ties together, the one the others must match first: the
// wizard asks them in this order, on one page (wizard-pages.ts).
export const settingRules: readonly (readonly SettingId[])[] = [
	['zookeeper.servers', 'zookeeper.myid'],
	['zookeeper.servers', 'master.quorum'],
];

// Rules that span settings: checked before anything is written. `name` says a setting as the
// reader knows it: its id on the command line and in files, its label in the wizard.
export function consistencyProblems(values: Values, name: (id: SettingId) => string = id => id): Problem[] {
	const problems: Problem[] = [...sourceProblems(values, name), ...portProblems(values, name), ...loopbackProblems(values, name)];
	const servers = parseServers(values['zookeeper.servers']) ?? [];
	const myid = Number(values['zookeeper.myid']);
	if (servers.length > 0 && !servers.some(s => s.id === myid)) {
		problems.push({
			settings: ['zookeeper.myid', 'zookeeper.servers'],
			text: `${name('zookeeper.myid')}: ${show(values['zookeeper.myid'])} is not one of the server ids in ${name('zookeeper.servers')} (${servers.map(s => s.id).join(', ')}); use one of them, or add this server to ${name('zookeeper.servers')}.`,
		});
	}
	// The masters run the ZooKeeper ensemble, so its size is the number of masters.
	const masters = Math.max(servers.length, 1);
	const quorum = Number(values['master.quorum']);
	const majority = Math.floor(masters / 2) + 1;
	if (quorum < majority || quorum > masters) {
		problems.push({
			settings: ['master.quorum', 'zookeeper.servers'],
			text: `${name('master.quorum')}: ${show(values['master.quorum'])} is not a majority of the ${masters} master${masters === 1 ? '' : 's'} in ${name('zookeeper.servers')}; use ${majority === masters ? String(majority) : `a number from ${majority} to ${masters}`}.`,
		});
	}
	return problems;
}

// What changes when one setting changes: itself and the settings that still follow it.
export const problemTexts = (problems: readonly Problem[]): string[] => problems.map(problem => problem.text);

export function withChange(answers: Answers, id: SettingId, value: string, followersToo: boolean): Answers {
	const before = resolveValues(answers);
	const next: Answers = {...answers, [id]: value};
	for (const follower of followersOf(id)) {
		const following = before[follower.id] === followedValue(follower, before[id]);
		if (following && followersToo) next[follower.id] = followedValue(follower, value);
		// Pinned, so that a follower left alone keeps its value instead of following by derivation.
		else next[follower.id] = before[follower.id];
	}
	return next;
}
