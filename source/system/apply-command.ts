// Carrying out the actions that run something on the machine: a check, a command, the key
// import. Each returns its outcome; the sandbox skips what only the real machine can do, and a
// dry run says what it would do.
import type {Outcome, OutputStream} from '../model/apply-events.js';
import {type Action, keyFromText, realRunOnly} from '../model/plan.js';
import {importKey} from './import-key.js';
import type {Journal} from './journal.js';
import type {System} from './system.js';

export const sandboxSkip = '--root: system commands are not run';
export const tailLines = 20;

export type OnLine = (line: string, stream: OutputStream) => void;

// A rehearsal (a sandbox root) runs every check that only reads; realRunOnly's are said as a real
// run's. A check's line is its title, with the finding only where it adds something.
export async function runCheck(system: System, action: Extract<Action, {kind: 'check'}>, signal: AbortSignal | undefined): Promise<Outcome> {
	const {check, title} = action;
	if (system.sandbox && realRunOnly(check)) return {status: 'skipped', message: `${title} (a real run checks this)`};
	const result = await system.checks.run(check, signal);
	const message = result.message ? `${title}: ${result.message}` : title;
	// A rehearsal shows what would stop a real run without stopping itself.
	if (result.status === 'failed' && system.dryRun) return {status: 'warned', message};
	return {status: result.status, message};
}

// The key's outcome, and the keyring file it changed, if any.
export async function runImportKey(
	system: System,
	action: Extract<Action, {kind: 'import-key'}>,
	journal: Journal,
	onLine: OnLine,
	signal: AbortSignal | undefined,
): Promise<{outcome: Outcome; changed?: string}> {
	if (system.sandbox) return {outcome: {status: 'skipped', message: `${action.title} (${sandboxSkip})`}};
	if (system.dryRun) {
		const then = action.fingerprint === '' ? 'show its fingerprint and user ids (not pinned: nothing is trusted)' : `check it is ${action.fingerprint}, then ${action.method === 'apt-key' ? 'apt-key add it' : `save it to ${action.keyring}`}`;
		return {outcome: {status: 'would-run', message: `fetch the key from ${keyFromText(action.from)}, ${then}`}};
	}
	const {result, message} = await importKey(action, system.commands, journal, onLine, signal);
	const changed = result === 'created' || result === 'changed' ? action.keyring : undefined;
	return {outcome: {status: result === 'unchanged' ? 'unchanged' : result === 'added' ? 'ran' : 'wrote', message}, ...(changed ? {changed} : {})};
}

export async function runCommand(system: System, action: Extract<Action, {kind: 'run'}>, onLine: OnLine, signal: AbortSignal | undefined): Promise<Outcome> {
	const shown = action.argv.join(' ');
	if (system.sandbox) return {status: 'skipped', message: `${shown} (${sandboxSkip})`};
	if (system.dryRun) return {status: 'would-run', message: shown};
	const result = await system.commands.run(action.argv, {timeoutMs: action.timeoutMs, ...(action.env ? {env: action.env} : {}), onLine, ...(signal ? {signal} : {})});
	if (result.stopped) return {status: 'stopped', message: result.failure ?? `${shown} was stopped`, detail: lastLines(`${result.stdout}\n${result.stderr}`)};
	if (!result.ok) return {status: 'failed', message: result.failure ?? `${shown} failed`, detail: lastLines(`${result.stdout}\n${result.stderr}`)};
	// apt-get update exits 0 when a source cannot be fetched; the install after it would then
	// fail with "Unable to locate package", which hides the cause (and a retry of it alone fails again).
	const unfetched = action.argv[0] === 'apt-get' && action.argv.includes('update') ? failedFetches(result.stderr) : [];
	if (unfetched.length > 0) {
		return {
			status: 'failed',
			message: `${shown} could not fetch ${unfetched[0]}`,
			detail: [...unfetched.slice(1).map(line => `also could not fetch ${line}`), 'Check the network and the repository address (repo.url), then retry.'],
		};
	}
	return {status: 'ran', message: shown};
}

// apt's "W: Failed to fetch <url>  <reason>" lines, as "<url>: <reason>".
const failedFetches = (stderr: string): string[] =>
	stderr
		.split('\n')
		.map(line => /^[WE]: Failed to fetch (\S+)\s+(.*)$/.exec(line.trim()))
		.filter((match): match is RegExpExecArray => match !== null)
		.map(([, url, reason]) => `${url}: ${reason?.trim()}`);

export const lastLines = (text: string): string[] =>
	text
		.split('\n')
		.filter(line => line.trim().length > 0)
		.slice(-tailLines);
