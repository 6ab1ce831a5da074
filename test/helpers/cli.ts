// Runs the built CLI (dist/cli.js, made by `npm run build`, which `npm test` runs first) as a
// child process without a terminal, the way scripts and CI use it.
import {fileURLToPath} from 'node:url';
import {execa} from 'execa';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export type CliResult = {exitCode: number; stdout: string; stderr: string};

// Standard error without the line a plain command says while a slow package source is read
// (commands/slow-notice.ts): the default source is the article's, on the real network.
export const withoutSlowSourceNotice = (stderr: string): string => stderr.replace(/^Reading the (package index at|packages in) .*(\n|$)/gm, '');

export async function runCli(args: string[], options: {env?: Record<string, string>; uid?: number} = {}): Promise<CliResult> {
	const command = options.uid === undefined ? [process.execPath, cliPath] : ['setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', process.execPath, cliPath];
	const [file = '', ...rest] = command;
	const result = await execa(file, [...rest, ...args], {
		reject: false,
		stdin: 'ignore',
		env: {NO_COLOR: '', ...options.env},
		timeout: 60_000,
	});
	return {exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr)};
}
