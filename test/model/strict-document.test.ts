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
		const answers = parseAnswers('zookeeper.myid: 0x10\nrepo.key: 1234567890123456789012345678901234567890\nslave.hostname: 2001-01-01\nslave.ip: true\nmesos.logs: null\nmaster.port: 1.0\nmesos.zk:\n', 'f.yaml');
		expect(answers).toEqual({'zookeeper.myid': '0x10', 'repo.key': '1234567890123456789012345678901234567890', 'slave.hostname': '2001-01-01', 'slave.ip': 'true', 'mesos.logs': 'null', 'master.port': '1.0', 'mesos.zk': ''});
	});

	it('reads JSON with the same rules: numbers as written, nested keys joined', () => {
		expect(parseAnswers('{"zookeeper": {"myid": 2}, "master.port": 5050}', 'f.json')).toEqual({'zookeeper.myid': '2', 'master.port': '5050'});
	});

	it.each([
		['a key twice in YAML', 'slave.ip: 1\nslave.ip: 2\n', /^f: "slave\.ip" is given more than once; give each setting once\.$/],
		['a key twice in JSON', '{"slave.ip": 1, "slave.ip": 2}', /^f: "slave\.ip" is given more than once/],
		['a key flat and nested', 'slave.ip: 1\nslave:\n  ip: 2\n', /^f: "slave\.ip" is given more than once/],
		['a tag', 'slave.ip: !!int 1\n', /not valid JSON or YAML \(line 1, column 11\)/],
		['an alias', 'slave.ip: &x 1\nslave.hostname: *x\n', /^f: slave\.hostname is an alias \(\*x\); write the value itself\.$/],
		['a list as a key', '? [1]\n: 2\n', /a key must be plain text, not a list/],
		['two documents', 'a: 1\n---\nb: 2\n', /holds more than one document/],
		['broken JSON', '{"a": 1,', /f is not valid JSON or YAML \(line 1, column 9\)/],
		['ids nested deeper than any', 'a:\n  b:\n    c:\n      d:\n        e: 1\n', /^f: "a\.b\.c\.d" is nested deeper than any setting id\.$/],
	])('refuses %s', (_name, text, message) => {
		expect(problems(() => parseAnswers(text, 'f')).join('\n')).toMatch(message);
	});

	it('keeps every entry of a mapping, a key given twice included, for its reader to judge', () => {
		expect(parseStrictDocument('a: 1\na: 2\n', 'f')).toEqual({kind: 'mapping', entries: [['a', {kind: 'text', text: '1'}], ['a', {kind: 'text', text: '2'}]]});
	});

	it('refuses a list where a setting’s text belongs, naming it', () => {
		expect(problems(() => parseAnswers('slave:\n  ip: [1, 2]\n', 'f'))).toEqual(['f: slave.ip must be a single value, not a list.']);
		expect(problems(() => parseAnswers('- 1\n', 'f'))[0]).toMatch(/must hold a mapping of setting ids to values/);
	});

	it('takes __proto__ as a key like any other, never as the object’s prototype', () => {
		expect(problems(() => parseAnswers('{"__proto__": {"slave.ip": "1"}}', 'f'))[0]).toMatch(/^f: unknown setting "__proto__\.slave\.ip"/);
		expect(({} as Record<string, unknown>)['slave.ip']).toBeUndefined();
	});

	it('names the first ten problems and counts the rest', () => {
		const found = problems(() => parseAnswers(Array.from({length: 25}, (_, i) => `nope${i}: x`).join('\n'), 'f'));
		expect(found).toHaveLength(11);
		expect(found.at(-1)).toBe('… and 15 more problems in f.');
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
