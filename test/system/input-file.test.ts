import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../source/model/errors.js';
import {answersFileKind, readAnswersFile} from '../../source/system/answers-file.js';
import {readClusterFile} from '../../source/system/cluster-file.js';
import {readInputFile} from '../../source/system/input-file.js';
import {tempRoot} from '../helpers/temp-root.js';

async function refusal(read: Promise<unknown>): Promise<string> {
	try {
		await read;
	} catch (error) {
		if (error instanceof InputError) return error.problems.join('\n');
		throw error;
	}
	throw new Error('it was read');
}

describe('a file a person hands in', () => {
	it('refuses a FIFO at once instead of waiting for a writer', async () => {
		const fifo = path.join(await tempRoot(), 'answers.yaml');
		await execa('mkfifo', [fifo]);
		const started = Date.now();
		expect(await refusal(readAnswersFile(fifo))).toBe(`the answers file ${fifo} is a FIFO, not a regular file: give a JSON or YAML file.`);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('refuses a folder, a file over 1 MB before reading it, text that is not UTF-8, and a missing file', async () => {
		const dir = await tempRoot();
		await mkdir(path.join(dir, 'folder'));
		expect(await refusal(readClusterFile(path.join(dir, 'folder')))).toMatch(/^the cluster file .*folder is a folder, not a regular file/);
		await writeFile(path.join(dir, 'big.yaml'), `a: "${'x'.repeat(1_048_576)}"\n`);
		expect(await refusal(readInputFile(path.join(dir, 'big.yaml'), answersFileKind))).toMatch(/is 1048582 bytes; an answers file may be at most 1 MB \(1048576 bytes\): it holds one line per setting\./);
		await writeFile(path.join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
		expect(await refusal(readInputFile(path.join(dir, 'latin1.yaml'), answersFileKind))).toMatch(/is not UTF-8 text/);
		expect(await refusal(readClusterFile(path.join(dir, 'none.yaml')))).toMatch(/^cannot read the cluster file .*none\.yaml: ENOENT/);
	});

	it('reads a cluster file whole: a problem in it is named with the file', async () => {
		const file = path.join(await tempRoot(), 'cluster.yaml');
		await writeFile(file, 'masters:\n  - {name: m1, address: 10.0.0.11}\n  - {name: m2, address: 10.0.0.12}\nagents:\n  - {name: a1, address: 10.0.0.21}\n');
		expect(await refusal(readClusterFile(file))).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: masters: 2 are listed; use an odd number`));
		await writeFile(file, '\ufeffmasters:\n  - {name: m1, address: 10.0.0.11, role: master+agent}\n');
		expect((await readClusterFile(file)).nodes).toEqual([{name: 'm1', address: '10.0.0.11', role: 'master+agent'}]);
	});
});
