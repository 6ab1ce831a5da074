/** One option as the daemon received it on its command line. */
export type Argument = {name: string; value: string};

/** Something the init wrapper or start script read, and where: the candidates an argument may have come from. */
export type FoundFlag = {name: string; value: string; source: string};

/** A flag value and where it came from, so a refusal can name the file. */
export type Setting = {value: string; source: string};

/**
 * Mesos' own syntax (stout flags): `--name=value`; a bare `--name` is true and `--no-name` false.
 * Anything else is refused, as the real daemons refuse it.
 */
export function parseMesosArguments(argv: string[]): {args: Argument[]; problems: string[]} {
	const args: Argument[] = [];
	const problems: string[] = [];
	for (const token of argv) {
		const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(token);
		if (!match?.[1]) {
			problems.push(`'${token}' on the command line is not a --name=value flag`);
			continue;
		}
		const [, name, value] = match;
		if (value !== undefined) args.push({name, value});
		else if (name.startsWith('no-')) args.push({name: name.slice(3), value: 'false'});
		else args.push({name, value: 'true'});
	}
	return {args, problems};
}

/**
 * Marathon's syntax (Scallop): `--name value` or `--name=value`; a `--name` followed by another
 * option, or last, is a boolean switch.
 */
export function parseMarathonArguments(argv: string[]): {args: Argument[]; problems: string[]} {
	const args: Argument[] = [];
	const problems: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index] ?? '';
		const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(token);
		if (!match?.[1]) {
			problems.push(`'${token}' on the command line is not an option`);
			continue;
		}
		const [, name, inline] = match;
		const next = argv[index + 1];
		if (inline !== undefined) args.push({name, value: inline});
		else if (next !== undefined && !next.startsWith('--')) {
			args.push({name, value: next});
			index++;
		} else args.push({name, value: 'true'});
	}
	return {args, problems};
}

/**
 * Names where each argument came from: the first unclaimed candidate with the same name and value
 * (what the wrapper read from a file), else the command line itself (an ExecStart drop-in, a
 * hand-run daemon). The daemon's values are always the command line's.
 */
export function attributeSources(args: Argument[], candidates: FoundFlag[]): Array<Argument & {source: string}> {
	const unclaimed = [...candidates];
	return args.map(arg => {
		const index = unclaimed.findIndex(candidate => candidate.name === arg.name && candidate.value === arg.value);
		const found = index >= 0 ? unclaimed.splice(index, 1)[0] : undefined;
		return {...arg, source: found?.source ?? `--${arg.name} on the command line`};
	});
}

/** Arguments by name; a name given twice is refused as the real daemons refuse it, naming both sources. */
export function settingsByName(args: Array<Argument & {source: string}>, problems: string[]): Map<string, Setting> {
	const settings = new Map<string, Setting>();
	for (const arg of args) {
		const earlier = settings.get(arg.name);
		if (earlier) {
			problems.push(`duplicate flag '--${arg.name}': ${arg.source} and ${earlier.source}`);
			continue;
		}
		settings.set(arg.name, {value: arg.value, source: arg.source});
	}
	return settings;
}
