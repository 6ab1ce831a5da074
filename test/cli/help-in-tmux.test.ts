// `--help` in a real terminal (tmux): a terminal is where a command would open its screens, so
// this is where `setup --help` must still only print help and end. Needs dist/cli.js.
import path from 'node:path';
import {expect, it} from 'vitest';
import {commandLine} from '../../source/cli/command-line.js';
import {helpText} from '../../source/cli/help-text.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';
import {exitShown, startBuiltCli} from '../helpers/built-cli.js';

it.each(['setup', 'edit', 'undo'])('%s --help in a terminal prints that help and nothing else, and changes nothing', async id => {
	const root = await tempRoot();
	const session = await startBuiltCli({name: `help-${id}-${path.basename(root)}`, args: [id, '--help', '--root', root], showExitStatus: true, height: 60});
	expect(await exitShown(session)).toBe(0);
	// The whole screen: the help, then the exit line; no frame of any screen was drawn.
	const help = helpText(commandLine.commands.find(c => c.id === id))
		.split('\n')
		.map(line => line.trimEnd())
		.join('\n')
		.trim();
	expect((await session.capture()).trim()).toBe(`${help}\n\nmesos-setup exited with 0`);
	expect(await readTree(root)).toEqual({});
});
