// The command line as declared (source/cli/command-line.ts): the parser, the checks and the help
// all come from one table, so each is tested against that table rather than a copy of it.
import {describe, expect, it} from 'vitest';
import {type CommandLineSpec, commandLine} from '../../source/cli/command-line.js';
import {helpText} from '../../source/cli/help-text.js';
import {parseCommandLine} from '../../source/cli/parse-command-line.js';
import {InputError} from '../../source/model/errors.js';

function refused(argv: string[], spec?: CommandLineSpec): string {
	try {
		parseCommandLine(argv, spec);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as InputError).problems.join('\n');
	}
	throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parsing', () => {
	it('reads commands, arguments, values in both forms and repeated --set in order', () => {
		const parsed = parseCommandLine(['edit', 'slave.hostname', 'node1', '--yes', '--root=./r', '--set', 'a=1', '--set=b=-n 2', '--dry-run']);
		expect(parsed).toEqual({
			kind: 'run',
			command: 'edit',
			args: ['slave.hostname', 'node1'],
			options: {root: './r', dryRun: true, answers: undefined, set: ['a=1', 'b=-n 2'], yes: true, once: false, json: false, script: false},
		});
		expect(parseCommandLine([])).toMatchObject({kind: 'run', command: 'home', args: []});
		// After --, words are arguments even when they look like options.
		expect(parseCommandLine(['edit', '--yes', '--', 'mesos.ulimit', '-n 4096'])).toMatchObject({args: ['mesos.ulimit', '-n 4096']});
	});

	it('refuses a value option with no value, an empty value or the next option as its value', () => {
		expect(refused(['setup', '--answers'])).toContain('--answers needs FILE after it');
		expect(refused(['setup', '--answers', ''])).toContain('--answers needs FILE after it, not an empty word');
		expect(refused(['setup', '--answers='])).toContain('not an empty word');
		expect(refused(['setup', '--yes', '--set'])).toContain('--set needs ID=VALUE after it');
		expect(refused(['setup', '--set', '--root=/x'])).toContain('--set needs ID=VALUE after it; found the option "--root=/x"');
		expect(refused(['setup', '--root', '--yes'])).toContain('--root needs DIR after it; found the option "--yes"');
	});

	it('refuses an option given twice unless it repeats, and a value given to a flag', () => {
		expect(refused(['setup', '--root', '/a', '--root', '/b'])).toContain('--root was given more than once ("/a" and "/b"); give it once.');
		expect(refused(['setup', '--yes', '--yes'])).toContain('--yes was given more than once');
		expect(refused(['setup', '--yes=no'])).toContain('--yes takes no value; found "--yes=no"');
	});

	it('refuses unknown commands and options, options with the wrong command, and extra arguments', () => {
		expect(refused(['instal'])).toContain('unknown command "instal": use one of setup, edit, status, plan, undo, cluster.');
		expect(refused(['setup', '--frobnicate'])).toContain('unknown option --frobnicate: the options are --root, --dry-run, --answers, --set, --yes, --once, --json, --script, --help, --version.');
		expect(refused(['setup', '-x'])).toContain('unknown option -x');
		// edit's VALUE may start with -: the refusal says how to give it, and that way parses.
		expect(refused(['edit', 'mesos.ulimit', '-n 16384', '--yes'])).toContain('unknown option -n 16384: the options are --root, --dry-run, --answers, --set, --yes, --once, --json, --script, --help, --version. A VALUE that starts with - goes after --, such as: mesos-setup edit --yes -- mesos.ulimit "-n 16384".');
		expect(parseCommandLine(['edit', '--yes', '--', 'mesos.ulimit', '-n 16384'])).toMatchObject({kind: 'run', args: ['mesos.ulimit', '-n 16384']});
		expect(refused(['setup', '-x'])).not.toContain('goes after --');
		expect(refused(['edit', '-y'])).not.toContain('goes after --');
		expect(refused(['setup', '--script'])).toContain('--script goes with plan and cluster plan only.');
		expect(refused(['undo', '--set', 'a=1'])).toContain('--set goes with mesos-setup alone, setup, edit, status and plan only.');
		expect(refused(['status', '--yes'])).toContain('--yes goes with mesos-setup alone, setup, edit, undo, cluster setup and cluster undo only.');
		expect(refused(['setup', 'now'])).toContain('setup takes no arguments; found "now".');
		expect(refused(['edit', 'a', 'b', 'c'])).toContain('edit takes at most ID and VALUE; found "a" "b" "c".');
		expect(refused(['setup', '--root', 'x'.repeat(5000), '--root', 'y'])).toMatch(/"x{100}…" \(5000 characters\)/);
		// Every problem is named at once, with the way to the help.
		expect(refused(['setup', '--frobnicate', '--script']).split('\n')).toEqual([
			'unknown option --frobnicate: the options are --root, --dry-run, --answers, --set, --yes, --once, --json, --script, --help, --version.',
			'--script goes with plan and cluster plan only.',
			'Run mesos-setup --help for the commands and options.',
		]);
	});

	it('--help wins over everything else, for the command named or the whole program', () => {
		const setup = commandLine.commands.find(c => c.id === 'setup');
		expect(parseCommandLine(['setup', '--help', '--yes'])).toEqual({kind: 'help', command: setup});
		expect(parseCommandLine(['undo', '--help', '--root', '/r'])).toMatchObject({kind: 'help', command: {id: 'undo'}});
		expect(parseCommandLine(['edit', '-h', '--frobnicate', '--set'])).toMatchObject({kind: 'help', command: {id: 'edit'}});
		expect(parseCommandLine(['--help'])).toEqual({kind: 'help'});
		expect(parseCommandLine(['instal', '--help'])).toEqual({kind: 'help'});
		expect(parseCommandLine(['plan', '--version'])).toEqual({kind: 'version'});
		// After --, --help is an argument like any other word.
		expect(refused(['setup', '--', '--help'])).toContain('setup takes no arguments; found "--help".');
	});

	it('a command of two words (the planned cluster commands) is one entry in the table', () => {
		const spec: CommandLineSpec = {
			...commandLine,
			commands: [
				...commandLine.commands,
				{
					id: 'cluster plan',
					words: ['cluster', 'plan'],
					arguments: [{name: 'FILE', description: 'the cluster file', required: true, completes: 'file'}],
					summary: 'what a cluster setup would do',
					description: 'Every node’s plan.',
					examples: ['mesos-setup cluster plan cluster.yaml'],
				},
			],
			options: commandLine.options.map(o => (o.name === 'dry-run' || o.name === 'help' || o.name === 'version' ? o : {...o, commands: o.commands === 'every' ? ['home'] : o.commands})),
		};
		expect(parseCommandLine(['cluster', 'plan', 'c.yaml', '--dry-run'], spec)).toMatchObject({kind: 'run', command: 'cluster plan', args: ['c.yaml']});
		expect(refused(['cluster', 'plan'], spec)).toContain('cluster plan needs FILE: the cluster file.');
		expect(refused(['cluster', 'plan', 'c.yaml', '--yes'], spec)).toContain('--yes goes with');
		expect(helpText(undefined, spec)).toContain('cluster plan FILE');
		expect(helpText(spec.commands.at(-1), spec)).toContain('$ mesos-setup cluster plan FILE [options]');
	});
});

describe('help', () => {
	it('lists every declared command with its arguments and every option with its value name', () => {
		const text = helpText();
		for (const command of commandLine.commands.filter(c => c.words.length > 0)) {
			expect(text).toContain([...command.words, ...command.arguments.map(a => (a.required ? a.name : `[${a.name}]`))].join(' '));
		}
		for (const option of commandLine.options) expect(text).toContain(`--${option.name}${'value' in option ? ` ${option.value.name}` : ''}`);
		expect(text).toMatch(/--script +plan and cluster plan: print the plan/);
		for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
	});

	it('a command’s help shows only the options that go with it', () => {
		const undo = helpText(commandLine.commands.find(c => c.id === 'undo'));
		expect(undo).toContain('$ mesos-setup undo [options]');
		expect(undo).toContain('--root DIR');
		expect(undo).not.toContain('--set');
		expect(undo).not.toContain('--script');
		const edit = helpText(commandLine.commands.find(c => c.id === 'edit'));
		expect(edit).toMatch(/Arguments\n +ID +the setting to change/);
		for (const line of edit.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
	});

	it('the declaration names each option’s commands by their declared ids', () => {
		const ids = commandLine.commands.map(c => c.id as string);
		for (const option of commandLine.options) if (option.commands !== 'every') for (const id of option.commands) expect(ids).toContain(id);
	});
});
