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

// The checks of a row (the preflight), started together: each only reads (a port, a file, whether
// a server answers), so none need wait for the one before; their outcomes are still taken one by
// one, in order. `row.checks` is the row under way; the run empties it when the row ends.
export type CheckRow = {checks?: Map<Action, Promise<Outcome>>; stop?: AbortController};

// The row ends (an action that is not a check, the step's end): checks still under way, after the one
// the step failed at, are stopped, so none keeps the run waiting (an index fetch may take 20 s).
export function endCheckRow(row: CheckRow): void {
	row.stop?.abort();
	row.checks = undefined;
	row.stop = undefined;
}

// `rest`: this check and the actions after it in the part of the step being applied.
export function checkInRow(system: System, row: CheckRow, action: Extract<Action, {kind: 'check'}>, rest: readonly Action[], signal: AbortSignal | undefined): Promise<Outcome> {
	const started = row.checks?.get(action);
	if (started) return started;
	const end = rest.findIndex(next => next.kind !== 'check');
	const checks = (end === -1 ? rest : rest.slice(0, end)).filter(next => next.kind === 'check');
	row.stop = new AbortController();
	const rowSignal = signal ? AbortSignal.any([signal, row.stop.signal]) : row.stop.signal;
	row.checks = new Map(checks.map(check => [check, runCheck(system, check, rowSignal)]));
	// Each is awaited in its turn, where a failure is reported; one a stop never reached fails nowhere.
	for (const outcome of row.checks.values()) outcome.catch(() => undefined);
	return row.checks.get(action) ?? runCheck(system, action, signal);
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
