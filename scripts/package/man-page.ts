// mesos-setup(1), made from the same declaration as --help (source/cli/command-line.ts) and the
// settings catalogue (source/model/settings.ts): a new command, option or setting appears here
// without anyone writing roff. The sections follow man-pages(7).
import {type CommandLineSpec, type CommandSpec, commandLine, type OptionSpec} from '../../source/cli/command-line.js';
import {commandsOf} from '../../source/cli/parse-command-line.js';
import {type Setting, settings as catalogue} from '../../source/model/settings.js';

export type ManPageInput = {version: string; spec?: CommandLineSpec; settings?: readonly Setting[]};

// Text as roff reads it: backslashes escaped, every hyphen a minus (so options can be copied),
// characters past ASCII named (\[u2019]), whatever encoding man assumes, and a line that would
// start with . or ' kept from being read as a request.
export function roff(text: string): string {
	return text
		.replaceAll('\\', '\\e')
		.replaceAll('-', '\\-')
		.replaceAll(/[^\x00-\x7F]/gu, char => `\\[u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`)
		.split('\n')
		.map(line => (/^[.']/.test(line) ? `\\&${line}` : line))
		.join('\n');
}

const bold = (text: string): string => `\\fB${roff(text)}\\fR`;
const italic = (text: string): string => `\\fI${roff(text)}\\fR`;

const argumentsOf = (command: CommandSpec): string => command.arguments.map(a => (a.required ? italic(a.name) : `[${italic(a.name)}]`)).join(' ');

const usage = (spec: CommandLineSpec, command: CommandSpec): string =>
	[bold(spec.program), ...command.words.map(bold), argumentsOf(command), `[${italic('options')}]`].filter(Boolean).join(' ');

const optionTerm = (option: OptionSpec): string =>
	[option.short ? `${bold(`-${option.short}`)}, ` : '', bold(`--${option.name}`), option.value ? ` ${italic(option.value.name)}` : ''].join('');

// A description as the end of a sentence, so another can follow it.
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const goesWith = (option: OptionSpec, command: CommandSpec): boolean => option.commands === 'every' || option.commands.includes(command.id);

function commandSection(spec: CommandLineSpec, command: CommandSpec): string[] {
	const options = spec.options.filter(o => !o.standalone && goesWith(o, command)).map(o => bold(`--${o.name}`));
	return [
		'.TP',
		[command.words.map(bold).join(' '), argumentsOf(command)].filter(Boolean).join(' '),
		roff(command.description),
		...command.arguments.flatMap(a => ['.RS', '.TP', italic(a.name), roff(a.description), '.RE']),
		...(options.length > 0 ? ['.IP', `Options: ${options.join(', ')}.`] : []),
	];
}

function settingSection(setting: Setting): string[] {
	const facts = [`Default: ${setting.default === '' ? '(empty)' : setting.default}.`, ...(setting.choices ? [`One of: ${setting.choices.join(', ')}.`] : [])];
	return ['.TP', bold(setting.id), roff(`${setting.label}. ${setting.help} ${facts.join(' ')}`)];
}

export function manPage({version, spec = commandLine, settings = catalogue}: ManPageInput): string {
	const home = spec.commands.find(c => c.words.length === 0);
	const named = spec.commands.filter(c => c.words.length > 0);
	const lines = [
		`.\\" ${spec.program}(1). Made by npm run package from source/cli/command-line.ts and source/model/settings.ts; edit those, not this.`,
		`.TH ${spec.program.toUpperCase()} 1 "" "${spec.program} ${version}" "User Commands"`,
		'.SH NAME',
		`${roff(spec.program)} \\- ${roff(spec.summary)}`,
		'.SH SYNOPSIS',
		...spec.commands.flatMap((command, index) => [...(index > 0 ? ['.br'] : []), usage(spec, command)]),
		'.br',
		`${bold(spec.program)} [${italic('command')}] ${bold('--help')}`,
		'.br',
		`${bold(spec.program)} ${bold('--version')}`,
		'.SH DESCRIPTION',
		...(home ? [roff(home.description), '.PP'] : []),
		roff(
			'Every file it writes is previewed first, written to a temporary file, synced and renamed, and the old one kept so that undo can put it back. The same plan drives the screens, plan, plan --script and --yes, so what is shown is what is done.',
		),
		'.SH COMMANDS',
		...named.flatMap(command => commandSection(spec, command)),
		'.SH OPTIONS',
		...spec.options.flatMap(option => [
			'.TP',
			optionTerm(option),
			roff(option.commands === 'every' ? option.description : `${sentence(option.description)} With ${commandsOf(spec, option)} only.`),
		]),
		'.SH SETTINGS',
		roff(`The ids edit and --set ID=VALUE take, each with its default. ${spec.program} plan shows the files they are written to on this machine.`),
		...settings.flatMap(settingSection),
		'.SH EXIT STATUS',
		...spec.exitCodes.flatMap(e => ['.TP', bold(String(e.code)), roff(e.meaning)]),
		'.SH ENVIRONMENT',
		...spec.environment.flatMap(e => ['.TP', bold(e.name), roff(e.meaning)]),
		'.SH FILES',
		roff('Under the folder given with --root when there is one.'),
		...spec.files.flatMap(f => ['.TP', italic(f.path), roff(f.meaning)]),
		'.SH EXAMPLES',
		...spec.commands.flatMap(c => c.examples).flatMap(example => ['.PP', '.nf', roff(`$ ${example}`), '.fi']),
		'.SH SEE ALSO',
		`${bold('apt')}(8), ${bold('dpkg')}(1), ${bold('service')}(8)`,
	];
	return `${lines.join('\n')}\n`;
}
