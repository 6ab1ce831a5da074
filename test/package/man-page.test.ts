// mesos-setup(1) from the declaration: every command, option, setting and exit code of it, in roff
// that man renders (groff, as man-db runs it), with hyphens a person can copy.
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {commandLine} from '../../source/cli/command-line.js';
import {settings} from '../../source/model/settings.js';
import {controlDescription} from '../../scripts/package/debian-package.js';
import {manPage, roff} from '../../scripts/package/man-page.js';

const words = (text: string): string => text.replaceAll(/\s+/g, ' ').trim();

// The page as man shows it at 80 columns, without hyphenation or justification.
async function rendered(page: string): Promise<string> {
	const result = await execa('groff', ['-man', '-Tutf8', '-rLL=80n', '-rHY=0', '-P-c', '-P-b', '-P-u'], {input: page, env: {LC_ALL: 'C.UTF-8'}});
	return String(result.stdout);
}

describe('the man page', () => {
	it('escapes what roff would read otherwise', () => {
		expect(roff('--root DIR')).toBe('\\-\\-root DIR');
		expect(roff('a\\b')).toBe('a\\eb');
		expect(roff('.hidden\n\'quote')).toBe('\\&.hidden\n\\&\'quote');
		expect(roff('Agent’s 节点 🚀')).toBe('Agent\\[u2019]s \\[u8282]\\[u70B9] \\[u1F680]');
	});

	it('says every command, option, setting, exit code, variable and file the declaration holds', async () => {
		const text = words(await rendered(manPage({version: '9.8.7'})));
		expect(text).toMatch(/^MESOS-SETUP\(1\) User Commands MESOS-SETUP\(1\) NAME mesos-setup - set up Apache Mesos/);
		expect(text).toContain('mesos-setup 9.8.7');
		for (const command of commandLine.commands) {
			expect(text).toContain(words(command.description));
			for (const example of command.examples) expect(text).toContain(`$ ${example}`);
		}
		expect(text).toContain('mesos-setup edit [ID] [VALUE] [options]');
		for (const option of commandLine.options) expect(text).toContain(`--${option.name}${'value' in option ? ` ${option.value.name}` : ''}`);
		expect(text).toContain('print the plan as one bash script to run by hand (cluster plan: a part per node, bash SCRIPT NODE). With plan and cluster plan only.');
		for (const setting of settings) expect(text).toContain(`${setting.id} ${setting.label}.`);
		expect(text).toContain('One of: auto, apt-key, keyring.');
		for (const exit of commandLine.exitCodes) expect(text).toContain(`${exit.code} ${words(exit.meaning)}`);
		for (const variable of commandLine.environment) expect(text).toContain(variable.name);
		for (const file of commandLine.files) expect(text).toContain(file.path);
		// Hyphens come out as the ASCII ones typed on a command line.
		expect(text).not.toContain('\u2212');
	});
});

describe('the control file', () => {
	it('wraps the description at 72 columns, a blank line between paragraphs written as " ."', () => {
		const long = 'word '.repeat(40).trim();
		expect(controlDescription('a summary', `${long}\n\nsecond paragraph`).split('\n')).toEqual([
			'a summary',
			` ${'word '.repeat(14).trim()}`,
			` ${'word '.repeat(14).trim()}`,
			` ${'word '.repeat(12).trim()}`,
			' .',
			' second paragraph',
		]);
	});
});
