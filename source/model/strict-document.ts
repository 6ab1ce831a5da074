// A file a person wrote (answers, a cluster file), read as JSON or YAML the strict way: every
// value is the text that was written (no YAML number, date or boolean conversion: `0x10` stays
// "0x10", a digit-only fingerprint keeps its digits), keys are plain text, no tags or aliases.
// A mapping keeps every entry in order, a key given twice included: its reader says what "twice"
// means (answers-document.ts counts a setting id given flat and nested too) and checks it in one
// pass with a set (the yaml package's own check compares every key with every other). Parsing is
// linear in the file's size.
import {isAlias, isMap, isScalar, isSeq, Lexer, type Node, parseDocument} from 'yaml';
import {InputError} from './errors.js';
import {show} from './shown-value.js';

export type StrictValue = {kind: 'text'; text: string} | {kind: 'list'; items: StrictValue[]} | {kind: 'mapping'; entries: [string, StrictValue][]};

// Where a value sits, for messages: masters[2].address, settings."slave.ip".
export const childPath = (parent: string, key: string | number): string => {
	if (typeof key === 'number') return `${parent}[${key}]`;
	const part = /^[A-Za-z_][\w.-]*$/.test(key) ? key : show(key);
	return parent ? `${parent}.${part}` : part;
};

export function describeValue(value: StrictValue): string {
	if (value.kind === 'text') return show(value.text);
	return value.kind === 'list' ? 'a list' : 'a mapping';
}

// Deep enough for any real file; a file nested deeper is refused instead of exhausting the stack.
const maxDepth = 64;

const prefix = (at: string): string => (at ? `${at}: ` : '');

function toStrict(node: Node | null, at: string, depth: number, problems: string[]): StrictValue | undefined {
	if (depth > maxDepth) {
		problems.push(`${prefix(at)}nested more than ${maxDepth} levels deep.`);
		return undefined;
	}
	if (node === null) return {kind: 'text', text: ''};
	if (isAlias(node)) {
		problems.push(`${at || 'the file'} is an alias (*${node.source}); write the value itself.`);
		return undefined;
	}
	if (node.tag !== undefined) {
		problems.push(`${prefix(at)}YAML tags (${node.tag}) are not read; every value is taken as the text written.`);
		return undefined;
	}
	if (isScalar(node)) return {kind: 'text', text: String(node.value ?? '')};
	if (isSeq(node)) {
		const items: StrictValue[] = [];
		node.items.forEach((item, index) => {
			const value = toStrict(item as Node | null, childPath(at, index), depth + 1, problems);
			if (value) items.push(value);
		});
		return {kind: 'list', items};
	}
	if (isMap(node)) {
		const entries: [string, StrictValue][] = [];
		for (const pair of node.items) {
			const keyNode = pair.key as Node | null;
			if (keyNode !== null && !isScalar(keyNode)) {
				problems.push(`${prefix(at)}a key must be plain text, not ${isSeq(keyNode) ? 'a list' : 'a mapping'}.`);
				continue;
			}
			const key = String(keyNode?.value ?? '');
			const value = toStrict(pair.value as Node | null, childPath(at, key), depth + 1, problems);
			if (value) entries.push([key, value]);
		}
		return {kind: 'mapping', entries};
	}
	problems.push(`${prefix(at)}something that is not text, a list or a mapping.`);
	return undefined;
}

// The parser descends once per [ or { (and a stack overflow there has crashed the process), so
// flow nesting is measured first, with the lexer, which goes through the text once.
function tooDeep(text: string): boolean {
	let depth = 0;
	for (const token of new Lexer().lex(text)) {
		if (token === '[' || token === '{') depth++;
		else if (token === ']' || token === '}') depth--;
		if (depth > maxDepth) return true;
	}
	return false;
}

// The keys a mapping gives more than once, in the order they come back.
export function repeatedKeys(entries: readonly [string, StrictValue][]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const [key] of entries) {
		if (seen.has(key)) repeated.add(key);
		seen.add(key);
	}
	return [...repeated];
}

// The file's content as a tree of text, lists and mappings, or an InputError naming the file and
// every problem (the parser's first error with its line and column).
export function parseStrictDocument(text: string, file: string): StrictValue | undefined {
	if (tooDeep(text)) throw new InputError([`${file}: lists and mappings are nested more than ${maxDepth} levels deep.`]);
	// The failsafe schema reads every scalar as a string; JSON is read by the same parser.
	const document = parseDocument(text, {schema: 'failsafe', uniqueKeys: false, strict: true, prettyErrors: true});
	const first = document.errors[0] ?? document.warnings[0];
	if (first) {
		const where = first.linePos?.[0] ? ` (line ${first.linePos[0].line}, column ${first.linePos[0].col})` : '';
		const reason = first.code === 'MULTIPLE_DOCS' ? 'it holds more than one document (---); give one' : first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
		throw new InputError([`${file} is not valid JSON or YAML${where}: ${reason}`]);
	}
	if (document.contents === null) return undefined;
	const problems: string[] = [];
	const value = toStrict(document.contents, '', 0, problems);
	if (problems.length > 0) throw new InputError(problems.map(problem => `${file}: ${problem}`));
	return value;
}
