// Bash completion for mesos-setup, made from the same declaration as --help
// (source/cli/command-line.ts) and the settings catalogue (source/model/settings.ts): commands
// (several words too), the options that go with the command typed, their values (folders, files,
// setting ids, ID=VALUE with a setting's choices) and edit's ID and VALUE. The declaration's data
// becomes case tables; the logic is fixed (completion.bash) and reads them.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {type CommandLineSpec, commandLine} from '../../source/cli/command-line.js';
import {type Setting, settings as catalogue} from '../../source/model/settings.js';

export type CompletionInput = {spec?: CommandLineSpec; settings?: readonly Setting[]};

// A word as bash reads it inside single quotes.
const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

const words = (list: readonly string[]): string => quote(list.join(' '));

// A function that echoes the value of the row whose key is its argument (`subject`: what is matched).
function caseTable(name: string, what: string, rows: readonly (readonly [string, string])[], subject = '$1'): string {
	return [`# ${what}`, `${name}() {`, `\tcase ${subject} in`, ...rows.map(([key, value]) => `\t\t${quote(key)}) echo ${quote(value)} ;;`), '\tesac', '}'].join('\n');
}

// The fixed part, which reads the tables.
const logic = readFileSync(fileURLToPath(new URL('completion.bash', import.meta.url)), 'utf8');

export function bashCompletion({spec = commandLine, settings = catalogue}: CompletionInput = {}): string {
	const optionWords = (commandId: string): string[] =>
		spec.options.filter(o => o.commands === 'every' || o.commands.includes(commandId)).flatMap(o => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]);
	const arguments_ = spec.commands.flatMap(c => c.arguments.map((a, index) => [`${c.id} ${index}`, a.completes] as const));
	return [
		`# bash completion for ${spec.program}: commands, options and setting ids.`,
		'# Made by npm run package from source/cli/command-line.ts and source/model/settings.ts; edit those, not this.',
		'',
		`_mesos_setup_command_ids=(${spec.commands.map(c => quote(c.id)).join(' ')})`,
		`_mesos_setup_command_words=(${spec.commands.map(c => quote(c.words.join(' '))).join(' ')})`,
		`_mesos_setup_settings=${words(settings.map(s => s.id))}`,
		'',
		caseTable('_mesos_setup_options', 'The options that go with a command (by id).', spec.commands.map(c => [c.id, optionWords(c.id).join(' ')] as const)),
		caseTable(
			'_mesos_setup_value_kind',
			'What an option that takes a value completes to.',
			spec.options.flatMap(o => (o.value ? [[`--${o.name}`, o.value.completes] as const, ...(o.short ? [[`-${o.short}`, o.value.completes] as const] : [])] : [])),
		),
		caseTable(
			'_mesos_setup_repeatable',
			'Whether an option may be given again.',
			spec.options.flatMap(o => (o.repeatable ? [[`--${o.name}`, 'yes'] as const] : [])),
		),
		caseTable('_mesos_setup_argument_kind', "What a command's arguments complete to (command id, then place).", arguments_, '"$1 $2"'),
		caseTable('_mesos_setup_choices', 'The fixed choices of a setting.', settings.flatMap(s => (s.choices ? [[s.id, s.choices.join(' ')] as const] : []))),
		logic,
	].join('\n');
}
