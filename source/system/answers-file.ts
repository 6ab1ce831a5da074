// Reads an answers file (JSON or YAML). Keys are setting ids, flat ("zookeeper.myid": 1) or
// nested (zookeeper: {myid: 1}); values are strings or numbers. Anything else is bad input.
import {readFile} from 'node:fs/promises';
import {parse as parseYaml} from 'yaml';
import type {Answers} from '../model/answers.js';
import {errorMessage, InputError} from '../model/errors.js';

function flatten(value: unknown, prefix: string, out: Answers, problems: string[], file: string): void {
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		out[prefix] = String(value);
		return;
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out, problems, file);
		return;
	}
	problems.push(`${file}: ${prefix || 'the file'} must be ${prefix ? 'a string or a number' : 'a mapping of setting ids to values'}, not ${Array.isArray(value) ? 'a list' : String(value)}.`);
}

export function parseAnswers(text: string, file: string): Answers {
	let data: unknown;
	const trimmed = text.trim();
	try {
		data = trimmed.startsWith('{') ? JSON.parse(trimmed) : parseYaml(text);
	} catch (error) {
		throw new InputError([`${file} is not valid JSON or YAML: ${errorMessage(error).split('\n')[0]}`]);
	}
	if (data === null || data === undefined) return {};
	const answers: Answers = {};
	const problems: string[] = [];
	if (typeof data !== 'object' || Array.isArray(data)) {
		problems.push(`${file} must hold a mapping of setting ids to values, such as {"zookeeper.myid": 1}.`);
	} else flatten(data, '', answers, problems, file);
	if (problems.length > 0) throw new InputError(problems);
	return answers;
}

export async function readAnswersFile(file: string): Promise<Answers> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		throw new InputError([`cannot read the answers file ${file}: ${errorMessage(error)}`]);
	}
	return parseAnswers(text, file);
}
