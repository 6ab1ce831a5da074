// Whether the preflight runs again on the way to the summary, and why. It checked the answers it
// ran with; a setting changed since that changes what it checks (the role's ports, Master port,
// the master's work folder, Docker, the source's index and key) is named, so the re-check gives
// its true reason, and a change it does not check (a host name) sends no one through it again.
import {type Answers, resolveValues} from './answers.js';
import type {Facts} from './facts.js';
import {preflightStep} from './plan/preflight.js';
import {findSetting, type SettingId, settings} from './settings.js';

// The checks, whole (a repository's URL is in its check, not in the check's title).
const checksFor = (answers: Answers, facts: Facts): string => JSON.stringify(preflightStep(resolveValues(answers), facts).actions);

// The settings changed since the preflight ran with `checked` that change its checks: each one
// that does alone, or without which the checks now would differ (Master port, with a role that
// only now runs the master); empty when the checks are the same.
export function changedForPreflight(checked: Answers, answers: Answers, facts: Facts): SettingId[] {
	const before = checksFor(checked, facts);
	const now = checksFor(answers, facts);
	if (before === now) return [];
	const then = resolveValues(checked);
	const values = resolveValues(answers);
	const changed = settings.map(setting => setting.id).filter(id => then[id] !== values[id]);
	const named = changed.filter(id => checksFor({...checked, [id]: values[id]}, facts) !== before || checksFor({...answers, [id]: then[id]}, facts) !== now);
	return named.length > 0 ? named : changed;
}

// What the preflight run again says at its top.
export const recheckReason = (changed: readonly SettingId[]): string => `Checked again: the preflight checks what you changed since it ran: ${changed.map(id => findSetting(id).label).join(', ')}.`;
