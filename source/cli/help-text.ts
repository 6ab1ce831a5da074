// `--help`, made from the declared command line: the whole program's, or one command's (its
// arguments, only the options that go with it, its examples).
import {type CommandLineSpec, type CommandSpec, commandLine, type OptionSpec} from './command-line.js';
import {commandsOf, optionWord} from './parse-command-line.js';

const column = 21;
const width = 80;

// A two-column row; the right column wraps under itself so help fits an 80-column terminal.
function row(left: string, right: string): string {
	const indent = `    ${' '.repeat(column)}`;
	const [first = '', ...rest] = wrap(right, width - indent.length);
	const head = left.length >= column ? `    ${left}\n${indent}${first}` : `    ${left.padEnd(column)}${first}`;
	return [head, ...rest.map(line => `${indent}${line}`)].join('\n');
}

const usageOf = (command: CommandSpec): string =>
	[...command.words, ...command.arguments.map(a => (a.required ? a.name : `[${a.name}]`))].join(' ');

// In the whole help, an option that goes with some commands only says which.
function optionRow(spec: CommandLineSpec, option: OptionSpec, forCommand?: CommandSpec): string {
	const left = `${option.short ? `-${option.short}, ` : ''}${optionWord(option)}`;
	const only = !forCommand && option.commands !== 'every' && !option.commands.includes('home') ? `${commandsOf(spec, option)}: ` : '';
	return row(left, `${only}${option.description}`);
}

const exitCodes = (spec: CommandLineSpec): string[] => ['  Exit codes', ...spec.exitCodes.map(e => row(String(e.code), e.meaning))];

export function helpText(command?: CommandSpec, spec: CommandLineSpec = commandLine): string {
	if (!command) {
		// No empty first line: `--help | head -1` names the program.
		return [
			...wrap(`${spec.program}: ${spec.summary}`, width - 4).map(line => `  ${line}`),
			'',
			'  Usage',
			`    $ ${spec.program} [command] [options]`,
			`    $ ${spec.program} COMMAND --help     that command’s arguments and options`,
			'',
			'  Commands',
			...spec.commands.map(c => row(usageOf(c) || '(no command)', c.summary)),
			'',
			'  Options',
			...spec.options.map(option => optionRow(spec, option)),
			'',
			...exitCodes(spec),
			'',
			'  Examples',
			...spec.commands.flatMap(c => c.examples.slice(0, 1)).map(e => `    $ ${e}`),
			'',
		].join('\n');
	}
	const options = spec.options.filter(o => o.commands === 'every' || o.commands.includes(command.id));
	return [
		'  Usage',
		`    $ ${[spec.program, usageOf(command)].filter(Boolean).join(' ')} [options]`,
		'',
		...wrap(command.description, width - 4).map(line => `  ${line}`),
		...(command.arguments.length > 0 ? ['', '  Arguments', ...command.arguments.map(a => row(a.name, a.description))] : []),
		'',
		'  Options',
		...options.map(option => optionRow(spec, option, command)),
		'',
		...exitCodes(spec),
		'',
		'  Examples',
		...command.examples.map(e => `    $ ${e}`),
		'',
		`  Every command: ${spec.program} --help`,
		'',
	].join('\n');
}

function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}
