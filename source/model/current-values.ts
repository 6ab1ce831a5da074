// The value of every setting as the machine holds it now. The files on disk are the truth: a value
// someone changed in /etc by hand wins over the saved answer, and is marked so a person sees it.
import {type Answers, checkAnswer, type RawAnswers, resolveValues, type Values} from './answers.js';
import type {Facts} from './facts.js';
import {findSetting, type SettingId, settingIdFrom, settings} from './settings.js';
import {readStored} from './storage.js';

// What the files hold: target path → content, undefined when the file is absent.
export type FileContents = Readonly<Record<string, string | undefined>>;

export type CurrentSetting = {
	id: SettingId;
	value: string;
	// Where the value came from: the file, or (no file, or no line for it) the saved answers and defaults.
	from: 'disk' | 'saved';
	path?: string;
	// The disk differs from what the saved answers say the installer wrote: someone edited it by hand.
	editedByHand: boolean;
	// What the saved answers (and defaults) say, shown beside a hand edit.
	saved: string;
	// The value on disk is not one mesos-setup accepts; the message says what is allowed.
	problem?: string;
	// The file that would hold it does not exist (a machine never set up): `value` is only what
	// the setup would write.
	fileMissing: boolean;
};

export type CurrentValues = {
	settings: CurrentSetting[];
	// Answers with the hand edits folded in, so a change starts from what the machine runs.
	answers: Answers;
	values: Values;
	// Saved answers (state.json) the setting does not allow: left out of `answers`, so a change
	// of that setting replaces them (setting-change.ts).
	savedNotAllowed?: SavedNotAllowed[];
};

// `given`: an answer given on the command line (--set, --answers) stands for it, and is saved with
// a change in its place; otherwise only a change of that setting can replace it.
export type SavedNotAllowed = {id: SettingId; value: string; problem: string; given: boolean};

// The saved answers `stored` (unchecked, as state.json holds them) that are not allowed.
export function savedNotAllowed(stored: RawAnswers, given: Answers): SavedNotAllowed[] {
	return Object.entries(stored).flatMap(([id, value]) => {
		const known = settingIdFrom(id);
		const checked = checkAnswer(id, value);
		return checked.ok || !known.ok ? [] : [{id: known.id, value, problem: checked.message, given: given[known.id] !== undefined}];
	});
}

// Every file that holds a setting, in catalogue order.
export function settingFiles(facts: Facts): string[] {
	const paths = settings.map(s => s.location(facts)?.path).filter((p): p is string => p !== undefined);
	return [...new Set(paths)];
}

export function currentValues(contents: FileContents, saved: Answers, facts: Facts): CurrentValues {
	const expected = resolveValues(saved);
	const answers: Answers = {...saved};
	const current: CurrentSetting[] = [];
	// Catalogue order puts every setting after the one it derives from, so one pass settles followers.
	for (const setting of settings) {
		const location = setting.location(facts);
		const content = location ? contents[location.path] : undefined;
		const raw = location && content !== undefined ? readStored(location.storage, content) : undefined;
		const wouldBe = resolveValues(answers)[setting.id];
		const savedValue = expected[setting.id];
		if (raw === undefined) {
			const fileMissing = location !== undefined && content === undefined;
			current.push({id: setting.id, value: wouldBe, from: 'saved', ...(location ? {path: location.path} : {}), editedByHand: false, saved: savedValue, fileMissing});
			continue;
		}
		const checked = checkAnswer(setting.id, raw);
		const value = checked.ok ? checked.value : raw;
		// Only a value that differs is pinned, so untouched followers keep following.
		if (checked.ok && value !== wouldBe) answers[setting.id] = value;
		current.push({
			id: setting.id,
			value,
			from: 'disk',
			path: location?.path,
			editedByHand: value !== savedValue,
			saved: savedValue,
			fileMissing: false,
			...(checked.ok ? {} : {problem: checked.message}),
		});
	}
	return {settings: current, answers, values: resolveValues(answers)};
}

// How a value reads where its file is missing: nothing is set; the setup would write `value`.
export function notSetText(id: SettingId, value: string): string {
	if (value === '') return 'not set (no file)';
	return `not set (file missing; ${value === findSetting(id).default ? 'default' : 'would be'} ${value})`;
}

// A setting's value as a person should read it: the value, or that its file is missing.
export const shownValue = (setting: Pick<CurrentSetting, 'id' | 'value' | 'fileMissing'>): string => (setting.fileMissing ? notSetText(setting.id, setting.value) : setting.value);

export const handEdited = (current: CurrentValues): CurrentSetting[] => current.settings.filter(s => s.editedByHand);
