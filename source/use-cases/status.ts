// Take a status snapshot: every service's init state, health probe and log tail, and the cluster
// summary, with the values read from the files on disk (the saved answers stand in where they
// cannot be read). Also a service's full log for the log view, read again while it is open.
import type {Answers} from '../model/answers.js';
import {serviceLog as serviceLogOf} from '../model/plan.js';
import type {ServiceName} from '../model/services.js';
import type {StatusSnapshot} from '../model/status-snapshot.js';
import type {Endpoints} from '../model/endpoints.js';
import {takeStatusSnapshot} from '../system/cluster-status.js';
import {readValuesForStatus, valuesForStatusWhenChanged} from '../system/current-values.js';
import {type LogTail, logTailsWhenChanged} from '../system/log-tail.js';
import {initStatesAskedEvery} from '../system/service-status.js';
import type {System} from '../system/system.js';

export type StatusOptions = {
	// The answers the values are read against; the saved ones by default.
	answers?: Answers;
	// Where the services answer, when not where the settings say (tests use ephemeral ports).
	endpoints?: Partial<Endpoints>;
	logLines?: number;
};

export type {Endpoints} from '../model/endpoints.js';

// One snapshot (status --once, --json).
export async function statusSnapshot(system: System, options: StatusOptions & {signal?: AbortSignal}): Promise<StatusSnapshot> {
	const values = await readValuesForStatus(system, options.answers ?? system.state.answers());
	return takeStatusSnapshot(system, values, {
		...(options.endpoints ? {endpoints: options.endpoints} : {}),
		logLines: options.logLines ?? 5,
		...(options.signal ? {signal: options.signal} : {}),
	});
}

export type StatusReader = {
	take(signal?: AbortSignal): Promise<StatusSnapshot>;
	// After a restart: the next snapshot asks the init system again.
	forgetInitStates(): void;
};

// Snapshots for the live screen, which asks the init system at most every `initStateMaxAgeMs`
// (and at once when a service's health changed): each ask spawns a process per service. The
// setting files and the log files are read again only when one of them changed.
export function statusReader(system: System, options: StatusOptions & {initStateMaxAgeMs: number}): StatusReader {
	const initStates = initStatesAskedEvery(system, options.initStateMaxAgeMs);
	const valuesFor = valuesForStatusWhenChanged(system);
	const readLog = logTailsWhenChanged(system);
	return {
		async take(signal) {
			const values = await valuesFor(options.answers ?? system.state.answers());
			return takeStatusSnapshot(system, values, {
				...(options.endpoints ? {endpoints: options.endpoints} : {}),
				logLines: options.logLines ?? 5,
				initStates: initStates.ask,
				readLog,
				...(signal ? {signal} : {}),
			});
		},
		forgetInitStates: () => initStates.forget(),
	};
}

export type LogLimits = {lines: number; bytes: number};

// The end of a service's log, as much as the log view shows. The view follows the log while it is
// open: each call reads its end again, a log kept in files only when one of them changed (the lines
// read last stand until then).
export async function followServiceLog(system: System, answers: Answers, service: ServiceName, limits: LogLimits): Promise<() => Promise<LogTail>> {
	const log = serviceLogOf(service, await readValuesForStatus(system, answers), system.facts.init);
	const read = logTailsWhenChanged(system, limits.bytes);
	return () => read(log, limits.lines);
}
