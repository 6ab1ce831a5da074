// The answers a run starts from: saved ← --answers FILE ← --set ID=VALUE, every one validated.
import {type Answers, checkAnswer, checkAnswers, consistencyProblems, problemTexts, type RawAnswers, resolveValues, type Values} from '../model/answers.js';
import {InputError} from '../model/errors.js';
import {settingIdFrom} from '../model/settings.js';
import {show} from '../model/shown-value.js';
import {stateFile} from '../system/state.js';
import type {System} from '../system/system.js';
import {rootFlag} from '../model/script.js';

export function parseSetFlags(sets: readonly string[]): RawAnswers {
	// No prototype: --set __proto__=x is an unknown setting like any other, not a lost assignment.
	const answers = Object.create(null) as Record<string, string>;
	const problems: string[] = [];
	for (const item of sets) {
		const at = item.indexOf('=');
		const id = item.slice(0, at).trim();
		const known = settingIdFrom(id);
		if (at <= 0) problems.push(`--set ${show(item)}: write it as ID=VALUE, such as --set zookeeper.myid=2.`);
		else if (!known.ok) problems.push(`--set: ${known.message}`);
		else if (id in answers) problems.push(`--set ${id} is given more than once (${show(answers[id] ?? '')} and ${show(item.slice(at + 1))}); give each setting once.`);
		else answers[id] = item.slice(at + 1);
	}
	if (problems.length > 0) throw new InputError(problems);
	return {...answers};
}

export type AnswerSources = {
	answers?: string;
	set: readonly string[];
	// The command is edit: its hint for a saved answer not allowed names edit, and the one for the
	// setting `edit ID` asks for gives way (the edit checks its own value, and its change replaces
	// that saved answer: readSettings, planSettingChange).
	edit?: {id?: string};
};

export async function gatherAnswers(system: System, flags: AnswerSources): Promise<Answers> {
	// The answers file's reader (and its YAML parser) is loaded only when there is one.
	const fromFile = flags.answers ? await (await import('../system/answers-file.js')).readAnswersFile(flags.answers) : {};
	const fromFlags = parseSetFlags(flags.set);
	const given = {...fromFile, ...fromFlags};
	const fromPerson = checkAnswers(given);
	const saved: Answers = {};
	const problems: string[] = [];
	for (const [id, raw] of Object.entries(system.state.answers())) {
		if (id in given) continue;
		const checked = checkAnswer(id, raw);
		if (checked.ok) saved[checked.id] = checked.value;
		else if (id !== flags.edit?.id) problems.push(savedProblem(system, checked.message, id, flags.edit !== undefined));
	}
	if (fromPerson.problems.length + problems.length > 0) throw new InputError([...fromPerson.problems, ...problems]);
	return {...saved, ...fromPerson.answers};
}

// A saved answer the setting does not allow (state.json edited by hand, or a value an older
// version took) is named with its file: the person typed none of it. Edit says how it replaces it.
function savedProblem(system: System, message: string, id: string, editing: boolean): string {
	const where = `${message.replace(/\.$/, '')} (a saved answer, in ${system.fs.hostPath(stateFile)}`;
	if (!editing) return `${where}: fix it there; a command that takes --set can give the setting instead).`;
	return `${where}: fix it there, or replace it first with mesos-setup edit ${id} VALUE${rootFlag(system)}, or give this edit --set ${id}=VALUE).`;
}

// Values ready for a plan, or the problems that span settings (myid not in servers, quorum).
export function valuesFor(answers: Answers): Values {
	const values = resolveValues(answers);
	const problems = consistencyProblems(values);
	if (problems.length > 0) throw new InputError(problemTexts(problems));
	return values;
}
