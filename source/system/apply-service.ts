// Starting or restarting a service: `service X start` (or restart; systemctl's under systemd), then its health probe until the
// deadline, and its log tail when it fails. A service already healthy is left alone unless this
// run changed its files: then it is restarted, through the service command's own operation.
import type {ApplyEvent, Outcome} from '../model/apply-events.js';
import type {Action, Step} from '../model/plan.js';
import {serviceCommand, type ServiceName} from '../model/services.js';
import {type OnLine, sandboxSkip, tailLines} from './apply-command.js';
import {readServiceLog} from './log-tail.js';
import {waitHealthy} from './probes.js';
import {initStateOf} from './service-status.js';
import type {System} from './system.js';

export type ServiceRun = {
	step: Step;
	emit: (event: ApplyEvent) => void;
	onLine: OnLine;
	signal: AbortSignal | undefined;
	// Whether this run changed a file the service reads.
	affected: boolean;
};

export async function runService(system: System, action: Extract<Action, {kind: 'service'}>, run: ServiceRun): Promise<Outcome> {
	const {step, emit, onLine, signal} = run;
	if (system.sandbox) return {status: 'skipped', message: `${action.argv.join(' ')} and its health check (${sandboxSkip})`};
	if (system.dryRun) return {status: 'would-run', message: `${action.argv.join(' ')}, then wait up to ${action.deadlineMs / 1000} s for it to be healthy`};
	let argv = action.argv;
	if (action.op === 'start') {
		const before = await system.probes.probe(action.probe, signal);
		if (before.healthy && !run.affected) return {status: 'unchanged', message: `${action.service} is already running and healthy (${before.detail})`};
		// Running with old settings: a start would do nothing, so it is restarted to read the new ones.
		if (before.healthy) argv = serviceCommand(system.facts.init, action.service, 'restart');
	}
	const ran = await system.commands.run(argv, {timeoutMs: 120_000, onLine, ...(signal ? {signal} : {})});
	if (ran.stopped) return {status: 'stopped', message: ran.failure ?? `${argv.join(' ')} was stopped`};
	if (!ran.ok) {
		return {status: 'failed', message: ran.failure ?? `${argv.join(' ')} failed`, detail: await logTail(system, action)};
	}
	// `service X start` can exit 0 while the daemon dies a second later: only the probe says.
	const health = await waitHealthy(system.probes, action.probe, {
		deadlineMs: action.deadlineMs,
		onTry: result => emit({type: 'probe', step, action, result}),
		giveUp: stoppedRunning(system, action.service),
		...(signal ? {signal} : {}),
	});
	if (health.stopped) return {status: 'stopped', message: `${action.service}: ${health.detail}`};
	if (!health.healthy) {
		return {
			status: 'failed',
			message: health.gaveUp
				? `${action.service} stopped after it was started: ${health.detail}`
				: `${action.service} did not become healthy within ${action.deadlineMs / 1000} s: ${health.detail}`,
			detail: await logTail(system, action),
		};
	}
	return {status: 'healthy', message: `${action.service}: ${health.detail}`};
}

// Asks the init system every few probes; two "not running" answers in a row mean the daemon
// died after `service X start` said it started, so the wait ends with that reason.
function stoppedRunning(system: System, service: ServiceName): () => Promise<string | undefined> {
	let tries = 0;
	let gone = 0;
	return async () => {
		tries++;
		if (tries % 3 !== 0) return undefined;
		const init = await initStateOf(system, service);
		gone = init.state === 'stopped' || init.state === 'failed' ? gone + 1 : 0;
		return gone >= 2 ? `the init system says it is not running (${init.detail})` : undefined;
	};
}

async function logTail(system: System, action: Extract<Action, {kind: 'service'}>): Promise<string[]> {
	const tail = await readServiceLog(system, action.log, tailLines, 64 * 1024).catch(() => ({file: null, lines: []}));
	if (tail.file) return [`last lines of ${tail.file}:`, ...tail.lines];
	const looked = [...(action.log.journal ? [`the journal of ${action.log.journal}`] : []), ...action.log.files];
	return [`no log found (looked at ${looked.join(', ')})`];
}
