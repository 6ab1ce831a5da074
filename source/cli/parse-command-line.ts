// Reads argv against the declared command line (command-line.ts). Strict on purpose: an option
// that takes a value must get one (not nothing, not an empty word, not the next option), an
// option given twice must be one that repeats, and an option must go with the command. --help
// and --version win over everything else, so `setup --help` never starts anything.
import {InputError} from '../model/errors.js';
import {show} from '../model/shown-value.js';
import {camelName, type CommandId, type CommandLineOptions, type CommandLineSpec, type CommandSpec, commandLine, type OptionSpec} from './command-line.js';

export type ParsedCommandLine =
	| {kind: 'help'; command?: CommandSpec}
	| {kind: 'version'}
	| {kind: 'run'; command: CommandId; args: string[]; options: CommandLineOptions};

const helpHint = (spec: CommandLineSpec): string => `Run ${spec.program} --help for the commands and options.`;

export const optionWord = (option: OptionSpec): string => `--${option.name}${option.value ? ` ${option.value.name}` : ''}`;

export const commandWords = (spec: CommandLineSpec, command: CommandSpec): string => [spec.program, ...command.words].join(' ');

// Where an option may be used, as a person reads it: "plan", "setup, edit and undo".
export function commandsOf(spec: CommandLineSpec, option: OptionSpec): string {
	if (option.commands === 'every') return 'every command';
	const names = option.commands.map(id => {
		const command = spec.commands.find(c => c.id === id);
		return command && command.words.length > 0 ? command.words.join(' ') : `${spec.program} alone`;
	});
	return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const goesWith = (option: OptionSpec, command: CommandSpec): boolean => option.commands === 'every' || option.commands.includes(command.id);

type Given = {option: OptionSpec; values: string[]};

export function parseCommandLine(argv: readonly string[], spec: CommandLineSpec = commandLine): ParsedCommandLine {
	const problems: string[] = [];
	const given = new Map<string, Given>();
	const positional: string[] = [];
	const byName = new Map(spec.options.map(option => [option.name, option]));
	const byShort = new Map(spec.options.flatMap(option => (option.short ? [[option.short, option] as const] : [])));
	const allOptions = spec.options.map(option => `--${option.name}`).join(', ');

	const take = (option: OptionSpec, value?: string): void => {
		const seen = given.get(option.name);
		if (seen && !option.repeatable) {
			problems.push(`--${option.name} was given more than once${option.value ? ` (${[...seen.values, value ?? ''].map(v => show(v)).join(' and ')})` : ''}; give it once.`);
			return;
		}
		const entry = seen ?? {option, values: []};
		if (value !== undefined) entry.values.push(value);
		given.set(option.name, entry);
	};

	for (let index = 0; index < argv.length; index++) {
		const word = argv[index] ?? '';
		if (word === '--') {
			positional.push(...argv.slice(index + 1));
			break;
		}
		if (!word.startsWith('-') || word === '-') {
			positional.push(word);
			continue;
		}
		const long = word.startsWith('--');
		const equals = word.indexOf('=');
		const name = long ? word.slice(2, equals === -1 ? undefined : equals) : word.slice(1);
		const option = long ? byName.get(name) : byShort.get(name);
		if (!option) {
			// edit's VALUE may start with - (mesos.ulimit's "-n 16384"): after its ID, the way to give one is said.
			const editValue = !long && positional[0] === 'edit' && positional.length >= 2 ? ' A VALUE that starts with - goes after --, such as: mesos-setup edit --yes -- mesos.ulimit "-n 16384".' : '';
			problems.push(`unknown option ${long ? `--${name}` : word}: the options are ${allOptions}.${editValue}`);
			continue;
		}
		if (!option.value) {
			if (long && equals !== -1) problems.push(`--${option.name} takes no value; found ${show(word)}.`);
			else take(option);
			continue;
		}
		const needs = `--${option.name} needs ${option.value.name} after it`;
		let value: string | undefined;
		if (long && equals !== -1) value = word.slice(equals + 1);
		else {
			const next = argv[index + 1];
			if (next === undefined) {
				problems.push(`${needs}, such as ${example(option)}.`);
				continue;
			}
			// The next option is not taken as a value: `--set --root=/x` is a forgotten value, not a setting.
			if (next.startsWith('-') && next !== '-') {
				problems.push(`${needs}; found the option ${show(next)}. A value that starts with - is written --${option.name}=VALUE.`);
				continue;
			}
			value = next;
			index++;
		}
		if (value.trim() === '') {
			problems.push(`${needs}, not an empty word, such as ${example(option)}.`);
			continue;
		}
		take(option, value);
	}

	const command = findCommand(spec, positional);
	// Help for a command that was named; the whole help without one (or for a word that is none).
	if (given.has('help')) return command.found && command.found.words.length > 0 ? {kind: 'help', command: command.found} : {kind: 'help'};
	if (given.has('version')) return {kind: 'version'};
	if (!command.found) {
		const tops = [...new Set(spec.commands.flatMap(c => c.words.slice(0, 1)))];
		problems.push(`unknown command ${show(positional.join(' '))}: use one of ${tops.join(', ')}.`);
	} else {
		const found = command.found;
		for (const {option} of given.values()) {
			if (!goesWith(option, found)) problems.push(`--${option.name} goes with ${commandsOf(spec, option)} only.`);
		}
		problems.push(...argumentProblems(spec, found, command.args));
	}
	if (problems.length > 0 || !command.found) throw new InputError([...problems, helpHint(spec)]);

	const options: Record<string, string | string[] | boolean | undefined> = {};
	for (const option of spec.options) {
		if (option.standalone) continue;
		const values = given.get(option.name)?.values;
		options[camelName(option.name)] = option.value ? (option.repeatable ? (values ?? []) : values?.[0]) : given.has(option.name);
	}
	return {kind: 'run', command: command.found.id as CommandId, args: command.args, options: options as CommandLineOptions};
}

// The command whose words start the positional words, the longest first (`cluster plan` before a
// `cluster` of its own); the words after it are its arguments.
function findCommand(spec: CommandLineSpec, positional: readonly string[]): {found?: CommandSpec; args: string[]} {
	const matches = spec.commands.filter(c => c.words.every((w, i) => positional[i] === w)).sort((a, b) => b.words.length - a.words.length);
	const found = matches[0];
	if (!found || (found.words.length === 0 && positional.length > 0 && found.arguments.length === 0)) return {args: []};
	return {found, args: positional.slice(found.words.length)};
}

function argumentProblems(spec: CommandLineSpec, command: CommandSpec, args: readonly string[]): string[] {
	const name = command.words.join(' ') || spec.program;
	const declared = command.arguments;
	if (args.length > declared.length) {
		const allowed = declared.length === 0 ? 'no arguments' : `at most ${declared.map(a => a.name).join(' and ')}`;
		return [`${name} takes ${allowed}; found ${args.map(a => show(a)).join(' ')}.`];
	}
	const missing = declared.filter((argument, index) => argument.required && args[index] === undefined);
	return missing.map(argument => `${name} needs ${argument.name}: ${argument.description}.`);
}

function example(option: OptionSpec): string {
	const samples: Record<string, string> = {directory: './mesos-rehearsal', file: 'answers.yaml', 'setting-assignment': 'slave.hostname=node1'};
	return `--${option.name} ${samples[option.value?.completes ?? ''] ?? option.value?.name ?? ''}`;
}
