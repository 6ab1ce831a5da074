// The answers a run starts from: saved ← --answers FILE ← --set ID=VALUE, every one validated.
import {type Answers, checkAnswers, consistencyProblems, resolveValues, type Values} from '../model/answers.js';
import {InputError} from '../model/errors.js';
import {readAnswersFile} from '../system/answers-file.js';
import type {System} from '../system/system.js';

export function parseSetFlags(sets: readonly string[]): Answers {
	const answers: Answers = {};
	const problems: string[] = [];
	for (const item of sets) {
		const at = item.indexOf('=');
		if (at <= 0) problems.push(`--set ${JSON.stringify(item)}: write it as ID=VALUE, such as --set zookeeper.myid=2.`);
		else answers[item.slice(0, at).trim()] = item.slice(at + 1);
	}
	if (problems.length > 0) throw new InputError(problems);
	return answers;
}

export async function gatherAnswers(system: System, flags: {answers?: string; set: readonly string[]}): Promise<Answers> {
	const fromFile = flags.answers ? await readAnswersFile(flags.answers) : {};
	const fromFlags = parseSetFlags(flags.set);
	const {answers, problems} = checkAnswers({...system.state.answers(), ...fromFile, ...fromFlags});
	if (problems.length > 0) throw new InputError(problems);
	return answers;
}

// Values ready for a plan, or the problems that span settings (myid not in servers, quorum).
export function valuesFor(answers: Answers): Values {
	const values = resolveValues(answers);
	const problems = consistencyProblems(values);
	if (problems.length > 0) throw new InputError(problems);
	return values;
}
