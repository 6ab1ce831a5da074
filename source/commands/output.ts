// Plain output for the non-interactive paths: one line per action, colour only on a terminal
// without NO_COLOR.
export type Output = {
	out(line: string): void;
	err(line: string): void;
	color: boolean;
};

const codes = {green: 32, yellow: 33, red: 31, dim: 2, bold: 1, cyan: 36} as const;
export type Tone = keyof typeof codes;

export function paint(output: Pick<Output, 'color'>, tone: Tone, text: string): string {
	return output.color ? `\u001B[${codes[tone]}m${text}\u001B[0m` : text;
}

export function createOutput(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
	const color = Boolean(stdout.isTTY) && !process.env.NO_COLOR;
	return {
		out: line => stdout.write(`${line}\n`),
		err: line => stderr.write(`${line}\n`),
		color,
	};
}
