// Answers written in a file (an answers file, a cluster file's `settings`): setting ids as keys,
// flat ("zookeeper.myid": 1) or nested (zookeeper: {myid: 1}), every value the text written.
import type {Answers} from './answers.js';
import {InputError} from './errors.js';
import {childPath, describeValue, parseStrictDocument, type StrictValue} from './strict-document.js';

// A mapping of setting ids to text; a list anywhere is bad input. The answers have no prototype, so
// a key such as __proto__ is an unknown setting like any other, never a change to the object.
// `at` names the mapping in messages (settings in a cluster file); `file` the file.
export function answersIn(value: StrictValue, file: string, at = ''): {answers: Answers; problems: string[]} {
	const answers = Object.create(null) as Answers;
	const problems: string[] = [];
	const visit = (inner: StrictValue, id: string) => {
		if (inner.kind === 'text') answers[id] = inner.text;
		else if (inner.kind === 'mapping') for (const [key, next] of inner.entries) visit(next, id ? `${id}.${key}` : key);
		else problems.push(`${file}: ${childPath(at, id)} must be text such as "10.0.0.5", not ${describeValue(inner)}.`);
	};
	if (value.kind !== 'mapping') {
		problems.push(`${file}: ${at || 'the file'} must hold a mapping of setting ids to values, such as {"zookeeper.myid": 1}, not ${describeValue(value)}.`);
	} else visit(value, '');
	return {answers, problems};
}

export function parseAnswers(text: string, file: string): Answers {
	const data = parseStrictDocument(text, file);
	if (data === undefined) return Object.create(null) as Answers;
	const {answers, problems} = answersIn(data, file);
	if (problems.length > 0) throw new InputError(problems);
	return answers;
}
