// NO_COLOR reaches the screens through chalk (cli.tsx sets FORCE_COLOR=0 before Ink loads): it
// holds only while every colour is drawn by Ink's color/dimColor/bold props, never written as an
// escape code or through a chalk of a screen's own. One escape is not colour and is allowed, in one
// place: the text cursor's reverse video (SGR 7, then 27) under NO_COLOR, where chalk drops Ink's
// inverse (TextField.tsx; test/wizard/no-color-cursor-tmux.test.ts shows no colour on screen).
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
import {filesUnder} from '../helpers/tree.js';

const ui = fileURLToPath(new URL('../../source/ui/', import.meta.url));

const cursorReverse = {file: path.join('components', 'text-field', 'TextField.tsx'), line: /^const reverse = \(text: string\): string => `\\u001B\[7m\$\{text\}\\u001B\[27m`;$/};

it('the screens write no escape codes (but the cursor\'s reverse video) and import no colour library of their own', async () => {
	const offenders: string[] = [];
	for (const file of await filesUnder(ui, /\.tsx?$/)) {
		const text = await readFile(file, 'utf8');
		for (const [index, line] of text.split('\n').entries()) {
			if (path.relative(ui, file) === cursorReverse.file && cursorReverse.line.test(line.trim())) continue;
			if (/\\u001[bB]|\\x1[bB]|\\033|\\e\[|from '(chalk|ansi-styles|ansi-escapes|kleur|picocolors|colorette)'/.test(line)) offenders.push(`${path.relative(ui, file)}:${index + 1}: ${line.trim()}`);
		}
	}
	expect(offenders).toEqual([]);
});
