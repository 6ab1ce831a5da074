// The shape of the command line's declaration (command-line.ts holds the declaration itself).

// What a value is, for completion and the man page: a folder, a file, a setting id (from the
// settings catalogue, source/model/settings.ts), a value for a setting, or ID=VALUE.
export type Completion = 'directory' | 'file' | 'setting-id' | 'setting-value' | 'setting-assignment';

export type ArgumentSpec = {
	readonly name: string;
	readonly description: string;
	readonly required: boolean;
	readonly completes: Completion;
};

export type CommandSpec = {
	// How the code names the command; `home` is the program run without a command.
	readonly id: string;
	// What a person types after `mesos-setup`: none for home, two for a command such as `cluster plan`.
	readonly words: readonly string[];
	readonly arguments: readonly ArgumentSpec[];
	// One line for the list of commands.
	readonly summary: string;
	// A paragraph for `mesos-setup COMMAND --help` and the man page.
	readonly description: string;
	readonly examples: readonly string[];
};

export type OptionSpec = {
	// The long name, without its dashes: `dry-run` is typed --dry-run and read as `dryRun`.
	readonly name: string;
	readonly short?: string;
	// Options that take a value say its name (shown as --root DIR) and what it completes to.
	readonly value?: {readonly name: string; readonly completes: Completion};
	// May be given more than once; each value is kept, in order.
	readonly repeatable?: boolean;
	readonly description: string;
	// The commands it goes with, by id, or every command.
	readonly commands: 'every' | readonly string[];
	// Answers by itself (--help, --version): nothing else is parsed further or run.
	readonly standalone?: boolean;
};

export type ExitCodeSpec = {readonly code: number; readonly meaning: string};

export type CommandLineSpec = {
	readonly program: string;
	readonly summary: string;
	readonly commands: readonly CommandSpec[];
	readonly options: readonly OptionSpec[];
	readonly exitCodes: readonly ExitCodeSpec[];
	readonly environment: readonly {readonly name: string; readonly meaning: string}[];
	readonly files: readonly {readonly path: string; readonly meaning: string}[];
};
