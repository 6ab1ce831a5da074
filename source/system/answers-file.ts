// Reads an answers file (JSON or YAML). Keys are setting ids, flat ("zookeeper.myid": 1) or
// nested (zookeeper: {myid: 1}). Every value is read as the text written: YAML's failsafe schema,
// so 0x10 stays "0x10" (and is refused) rather than becoming 16, and a date or a long digit string
// is not turned into something else. A key given twice is refused, in JSON as in YAML, and checked
// in one pass (the yaml package's own check grows with the square of the keys). Anything but a
// regular file of at most 1 MB is refused before it is read: a FIFO is not waited on.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {isAlias, isMap, isScalar, isSeq, parseDocument, type YAMLMap} from 'yaml';
import type {RawAnswers} from '../model/answers.js';
import {errorMessage, InputError} from '../model/errors.js';
import {settingIdFrom} from '../model/settings.js';
import {show} from '../model/shown-value.js';
import {kindOf} from './target-fs.js';

export const maxAnswersBytes = 1_048_576;
// zookeeper: {myid: 1} is two levels; more than this is not a catalogue id.
const maxDepth = 4;
const maxProblemsShown = 10;

// Problems past the first few are counted, not written out: a large file of unknown ids costs no more.
class Problems {
	readonly shown: string[] = [];
	more = 0;
	push(problem: string): void {
		if (this.shown.length < maxProblemsShown) this.shown.push(problem);
		else this.more++;
	}
}

type Found = {answers: Record<string, string>; problems: Problems; ids: Set<string>};

function readMap(map: YAMLMap, prefix: string, depth: number, file: string, found: Found): void {
	const keys = new Set<string>();
	for (const item of map.items) {
		if (!isScalar(item.key) || typeof item.key.value !== 'string') {
			found.problems.push(`${file}: ${prefix ? `under ${prefix}, ` : ''}a key is not a plain setting id.`);
			continue;
		}
		const key = item.key.value;
		const id = prefix ? `${prefix}.${key}` : key;
		if (keys.has(key) || (found.ids.has(id) && !isMap(item.value))) {
			found.problems.push(`${file}: ${show(id)} is given more than once; give each setting once.`);
			continue;
		}
		keys.add(key);
		const value = item.value;
		if (isMap(value)) {
			if (depth >= maxDepth) found.problems.push(`${file}: ${show(id)} is nested deeper than any setting id.`);
			else readMap(value, id, depth + 1, file, found);
			continue;
		}
		found.ids.add(id);
		const known = settingIdFrom(id);
		if (!known.ok) found.problems.push(found.problems.shown.length < maxProblemsShown ? `${file}: ${known.message}` : '');
		else if (isSeq(value)) found.problems.push(`${file}: ${id} must be a single value, not a list.`);
		else if (isAlias(value)) found.problems.push(`${file}: ${id} is an alias (*name); write the value itself.`);
		else if (value === null || isScalar(value)) found.answers[id] = value === null || value.value === null ? '' : String(value.value);
		else found.problems.push(`${file}: ${id} must be a single value.`);
	}
}

export function parseAnswers(text: string, file: string): RawAnswers {
	let doc;
	try {
		doc = parseDocument(text, {schema: 'failsafe', uniqueKeys: false, prettyErrors: false});
	} catch (error) {
		throw new InputError([`${file} is not valid JSON or YAML: ${errorMessage(error).split('\n')[0]}`]);
	}
	const [first] = doc.errors;
	if (first) throw new InputError([`${file} is not valid JSON or YAML: ${first.message.split('\n')[0]}`]);
	const contents = doc.contents;
	if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return {};
	if (!isMap(contents)) throw new InputError([`${file} must hold a mapping of setting ids to values, such as {"zookeeper.myid": "1"} or zookeeper.myid: 1.`]);
	// No prototype: an id such as __proto__ is a key like any other (and refused as unknown).
	const found: Found = {answers: Object.create(null) as Record<string, string>, problems: new Problems(), ids: new Set()};
	readMap(contents, '', 1, file, found);
	const {shown, more} = found.problems;
	if (more > 0) throw new InputError([...shown, `… and ${more} more problems in ${file}.`]);
	if (shown.length > 0) throw new InputError(shown);
	return {...found.answers};
}

export async function readAnswersFile(file: string): Promise<RawAnswers> {
	let handle;
	try {
		handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw new InputError([`cannot read the answers file ${file}: ${errorMessage(error)}`]);
	}
	let bytes: Buffer;
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new InputError([`the answers file ${file} is a ${kindOf(info)}, not a regular file: give a JSON or YAML file.`]);
		const tooBig = (size: string) =>
			new InputError([`the answers file ${file} is ${size}; an answers file may be at most 1 MB (${maxAnswersBytes} bytes): it holds one line per setting.`]);
		if (info.size > maxAnswersBytes) throw tooBig(`${info.size} bytes`);
		// At most one byte more than allowed is read, in case the file grows while it is read.
		const buffer = Buffer.alloc(maxAnswersBytes + 1);
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
		if (bytesRead > maxAnswersBytes) throw tooBig('more than that');
		bytes = buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch (error) {
		throw new InputError([`the answers file ${file} is not UTF-8 text (${errorMessage(error)}).`]);
	}
	return parseAnswers(text, file);
}
