// Answers written in a file (an answers file, a cluster file's `settings`): setting ids as keys,
// flat ("zookeeper.myid": 1) or nested (zookeeper: {myid: 1}), every value the text written
// (strict-document.ts). Each id once, counted flat and nested alike, in one pass; an unknown id is
// named with the known ones. Pure.
import {type Answers, unknownSettingMessage} from './answers.js';
import {InputError} from './errors.js';
import {findSetting} from './settings.js';
import {show} from './shown-value.js';
import {parseStrictDocument, type StrictValue} from './strict-document.js';

// zookeeper: {myid: 1} is two levels; more than this is not a catalogue id.
const maxDepth = 4;
const maxProblemsShown = 10;

// Problems past the first few are counted, not written out: a large file of unknown ids costs no more.
class Problems {
	readonly shown: string[] = [];
	more = 0;
	push(problem: () => string): void {
		if (this.shown.length < maxProblemsShown) this.shown.push(problem());
		else this.more++;
	}
	all(file: string): string[] {
		return this.more > 0 ? [...this.shown, `… and ${this.more} more problems in ${file}.`] : this.shown;
	}
}

// The answers a mapping holds, and what is wrong with it. `at` names the mapping inside the file
// (settings, in a cluster file); the answers have no prototype, so __proto__ is an unknown id like
// any other, never a change to the object.
export function answersIn(value: StrictValue, file: string, at = ''): {answers: Answers; problems: string[]} {
	const where = `${file}: ${at ? `${at}: ` : ''}`;
	const answers = Object.create(null) as Answers;
	const problems = new Problems();
	if (value.kind !== 'mapping') {
		return {answers, problems: [`${at ? `${file}: ${at}` : file} must hold a mapping of setting ids to values, such as {"zookeeper.myid": "1"} or zookeeper.myid: 1.`]};
	}
	const ids = new Set<string>();
	const visit = (mapping: Extract<StrictValue, {kind: 'mapping'}>, prefix: string, depth: number): void => {
		const keys = new Set<string>();
		for (const [key, inner] of mapping.entries) {
			const id = prefix ? `${prefix}.${key}` : key;
			if (keys.has(key) || (ids.has(id) && inner.kind !== 'mapping')) {
				problems.push(() => `${where}${show(id)} is given more than once; give each setting once.`);
				continue;
			}
			keys.add(key);
			if (inner.kind === 'mapping') {
				if (depth >= maxDepth) problems.push(() => `${where}${show(id)} is nested deeper than any setting id.`);
				else visit(inner, id, depth + 1);
				continue;
			}
			ids.add(id);
			if (!findSetting(id)) problems.push(() => `${where}${unknownSettingMessage(id)}`);
			else if (inner.kind === 'list') problems.push(() => `${where}${id} must be a single value, not a list.`);
			else answers[id] = inner.text;
		}
	};
	visit(value, '', 1);
	return {answers, problems: problems.all(file)};
}

export function parseAnswers(text: string, file: string): Answers {
	const data = parseStrictDocument(text, file);
	if (data === undefined || (data.kind === 'text' && data.text === '')) return {};
	const {answers, problems} = answersIn(data, file);
	if (problems.length > 0) throw new InputError(problems);
	return {...answers};
}
