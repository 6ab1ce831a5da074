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
	// `mesos-setup status --once | head -1`: once the reader is gone, the rest is not wanted.
	const closed = new Set<NodeJS.WriteStream>();
	for (const stream of [stdout, stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE') throw error;
			closed.add(stream);
		});
	}
	const writer = (stream: NodeJS.WriteStream) => (line: string) => {
		if (!closed.has(stream)) stream.write(`${line}\n`);
	};
	return {out: writer(stdout), err: writer(stderr), color};
}
