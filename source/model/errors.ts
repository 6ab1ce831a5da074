// Errors are values with a message for a person; the command line turns them into exit codes.

// Bad usage or bad input: exit 2, nothing written. `targets`: the files a refused step cannot
// write, where that is the problem (the wizard blames the actions that write them).
export class InputError extends Error {
	readonly exitCode = 2;
	constructor(
		readonly problems: string[],
		readonly targets: readonly string[] = [],
	) {
		super(problems.join('\n'));
		this.name = 'InputError';
	}
}

// A step that failed while being carried out: exit 1.
export class StepError extends Error {
	readonly exitCode = 1;
	constructor(
		message: string,
		readonly detail: string[] = [],
		readonly targets: readonly string[] = [],
	) {
		super(message);
		this.name = 'StepError';
	}
}

// The files a step refused before it started names as in the way (none for any other error).
export const targetsInTrouble = (error: unknown): readonly string[] => (error instanceof InputError || error instanceof StepError ? error.targets : []);

// A run stopped from outside (q then y, Ctrl+C, SIGTERM): the shells' 128 + SIGINT.
export const stoppedExitCode = 130;

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// The message and what a StepError adds (what is missing, what to do): where a screen has room for all of it.
export const errorWithDetail = (error: unknown): string => [errorMessage(error), ...(error instanceof StepError ? error.detail : [])].join('\n');

// A file that could not be read or written, in a sentence a person can act on: permission denied
// says what needs root (or, in a sandbox, that the folder is not writable) instead of EACCES.
export function describeFileError(error: unknown, doing: string, target: string, where: {sandbox: boolean; root: string}): string {
	// Already said for a person (a full disk with its free space, a path outside the root).
	if (error instanceof StepError) return `${doing} ${target}: ${error.message}`;
	const code = (error as {code?: unknown} | undefined)?.code;
	if (code === 'EACCES' || code === 'EPERM') {
		return where.sandbox
			? `${doing} ${target}: permission denied; the sandbox ${where.root} must be a folder you can write.`
			: `${doing} ${target}: permission denied; changing this machine needs root: run mesos-setup with sudo, or rehearse with --root ./mesos-rehearsal.`;
	}
	if (code === 'EROFS') return `${doing} ${target}: the file system is read-only.`;
	if (code === 'ENOSPC') return `${doing} ${target}: the disk is full; free some space, then retry.`;
	if (code === 'EISDIR') return `${doing} ${target}: a folder is in its place; move it aside, then retry.`;
	return `${doing} ${target}: ${errorMessage(error)}`;
}
