// Errors are values with a message for a person; the command line turns them into exit codes.

// Bad usage or bad input: exit 2, nothing written.
export class InputError extends Error {
	readonly exitCode = 2;
	constructor(readonly problems: string[]) {
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
	) {
		super(message);
		this.name = 'StepError';
	}
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
