// Commands for a node, as ssh sends them: ssh joins its arguments into one string that the node's
// login shell reads, so every word is quoted here, with the quoting `plan --script` uses, and no
// value ever reaches that shell unquoted. Pure.
import {shellQuote} from './script.js';

// The one string a node's shell reads for this argument vector.
export const remoteCommandLine = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

// As root on the node: a user other than root goes through `sudo -n`, which fails at once instead
// of asking for a password nobody can type (preflight checks it first).
export const asRoot = (argv: readonly string[], remoteIsRoot: boolean): string[] => (remoteIsRoot ? [...argv] : ['sudo', '-n', '--', ...argv]);

// A bash script with its arguments: bash -c SCRIPT NAME ARG…, the arguments reaching it as "$1"….
export const bashScript = (script: string, args: readonly string[] = []): string[] => ['bash', '-c', script, 'mesos-setup', ...args];

// Environment variables for one command, through env(1): sudo starts from a clean environment.
export const withEnv = (argv: readonly string[], env: Record<string, string> = {}): string[] => {
	const pairs = Object.entries(env).map(([key, value]) => `${key}=${value}`);
	return pairs.length === 0 ? [...argv] : ['env', ...pairs, ...argv];
};
