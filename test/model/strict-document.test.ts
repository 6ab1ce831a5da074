import {describe, expect, it} from 'vitest';
import {parseAnswers} from '../../source/model/answers-document.js';
import {InputError} from '../../source/model/errors.js';
import {parseStrictDocument} from '../../source/model/strict-document.js';

const problems = (run: () => unknown): string[] => {
	try {
		run();
	} catch (error) {
		if (error instanceof InputError) return error.problems;
		throw error;
	}
	throw new Error('no InputError');
};

describe('a file read the strict way', () => {
	it('keeps every value as the text written: no numbers, dates, booleans or nulls made of it', () => {
		const answers = parseAnswers('zookeeper.myid: 0x10\nrepo.key: 1234567890123456789012345678901234567890\na: 2001-01-01\nb: true\nc: null\nd: 1.0\ne:\n', 'f.yaml');
		expect({...answers}).toEqual({'zookeeper.myid': '0x10', 'repo.key': '1234567890123456789012345678901234567890', a: '2001-01-01', b: 'true', c: 'null', d: '1.0', e: ''});
	});

	it('reads JSON with the same rules: numbers as written, nested keys joined', () => {
		expect({...parseAnswers('{"zookeeper": {"myid": 2}, "master.port": 5050}', 'f.json')}).toEqual({'zookeeper.myid': '2', 'master.port': '5050'});
	});

	it.each([
		['a key twice in YAML', 'a: 1\na: 2\n', /f: a is given twice/],
		['a key twice in JSON', '{"a": 1, "a": 2}', /f: a is given twice/],
		['a key twice deeper', '{"s": {"x": 1, "x": 2}}', /f: s\.x is given twice/],
		['a tag', 'a: !!int 1\n', /not valid JSON or YAML \(line 1, column 4\)/],
		['an alias', 'a: &x 1\nb: *x\n', /b: YAML aliases \(\*x\) are not read/],
		['a list as a key', '? [1]\n: 2\n', /a key must be plain text, not a list/],
		['two documents', 'a: 1\n---\nb: 2\n', /holds more than one document/],
		['broken JSON', '{"a": 1,', /f is not valid JSON or YAML \(line 1, column 9\)/],
	])('refuses %s', (_name, text, message) => {
		expect(problems(() => parseStrictDocument(text, 'f')).join('\n')).toMatch(message);
	});

	it('refuses a list where a setting’s text belongs, naming it', () => {
		expect(problems(() => parseAnswers('slave:\n  ip: [1, 2]\n', 'f'))).toEqual(['f: slave.ip must be text such as "10.0.0.5", not a list.']);
		expect(problems(() => parseAnswers('- 1\n', 'f'))[0]).toMatch(/must hold a mapping of setting ids to values/);
	});

	it('takes __proto__ as a key like any other, never as the object’s prototype', () => {
		const answers = parseAnswers('{"__proto__": {"polluted": "yes"}}', 'f');
		expect(Object.keys(answers)).toEqual(['__proto__.polluted']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('refuses a file nested deeper than any real one, without exhausting the stack', () => {
		expect(problems(() => parseStrictDocument(`a: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'f')).join('\n')).toMatch(/nested more than 64 levels/);
		for (const n of [2000, 20_000, 200_000]) {
			expect(problems(() => parseStrictDocument(`a: ${'['.repeat(n)}${']'.repeat(n)}\n`, 'f'))).toEqual(['f: lists and mappings are nested more than 64 levels deep.']);
		}
	});

	it('reads an empty file as no answers', () => {
		expect(Object.keys(parseAnswers('# nothing\n', 'f'))).toEqual([]);
	});
});
