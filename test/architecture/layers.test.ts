// The layering ARCHITECTURE.md promises: the model does no I/O, screens reach the machine only
// through the System, and no command goes through a shell string.
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const source = fileURLToPath(new URL('../../source/', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const entry of await readdir(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...(await filesUnder(full)));
		else if (/\.tsx?$/.test(entry.name)) out.push(full);
	}
	return out;
}

async function offenders(dir: string, pattern: RegExp): Promise<string[]> {
	const found: string[] = [];
	for (const file of await filesUnder(path.join(source, dir))) {
		const text = await readFile(file, 'utf8');
		for (const [index, line] of text.split('\n').entries()) if (pattern.test(line)) found.push(`${path.relative(source, file)}:${index + 1}: ${line.trim()}`);
	}
	return found;
}

const ioImport = /from '(node:)?(fs|fs\/promises|child_process|net|http|https)'|from 'execa'/;

describe('layers', () => {
	it('the model imports no I/O module', async () => {
		expect(await offenders('model', ioImport)).toEqual([]);
	});

	it('the command-line declaration and parser import no I/O and nothing above the model', async () => {
		expect(await offenders('cli', ioImport)).toEqual([]);
		expect(await offenders('cli', /from '\.\.\/(system|ui|commands)\//)).toEqual([]);
	});

	it('screens import no I/O module and write no console output', async () => {
		expect(await offenders('ui', ioImport)).toEqual([]);
		expect(await offenders('ui', /console\.(log|error|warn)/)).toEqual([]);
	});

	it('no command goes through a shell string', async () => {
		expect(await offenders('.', /shell: *true|execaCommand|execSync/)).toEqual([]);
	});
});
