// NO_COLOR reaches the screens through chalk (cli.tsx sets FORCE_COLOR=0 before Ink loads): it
// holds only while every colour is drawn by Ink's color/dimColor/bold props, never written as an
// escape code or through a chalk of a screen's own.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
import {filesUnder} from '../helpers/tree.js';

const ui = fileURLToPath(new URL('../../source/ui/', import.meta.url));

it('the screens write no escape codes and import no colour library of their own', async () => {
	const offenders: string[] = [];
	for (const file of await filesUnder(ui, /\.tsx?$/)) {
		const text = await readFile(file, 'utf8');
		for (const [index, line] of text.split('\n').entries()) {
			if (/\\u001[bB]|\\x1[bB]|\\033|\\e\[|from '(chalk|ansi-styles|ansi-escapes|kleur|picocolors|colorette)'/.test(line)) offenders.push(`${path.relative(ui, file)}:${index + 1}: ${line.trim()}`);
		}
	}
	expect(offenders).toEqual([]);
});
