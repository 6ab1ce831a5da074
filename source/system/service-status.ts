// What the init system says about each service: upstart, systemd or sysv, as detected. A sandbox
// root never runs system commands, so there the init state is "unknown" and says why.
import {errorMessage} from '../model/errors.js';
import {
	type InitState,
	initStatusCommand,
	parseServiceStatus,
	parseSystemctlIsActive,
	parseSystemdPid,
	parseUpstartStatus,
	systemdPidCommand,
} from '../model/init-state.js';
import type {ServiceName} from '../model/services.js';
import type {System} from './system.js';

const askTimeoutMs = 5000;

export async function initStateOf(system: Pick<System, 'sandbox' | 'facts' | 'commands'>, service: ServiceName): Promise<InitState> {
	if (system.sandbox) return {state: 'unknown', pid: null, detail: 'not asked (--root: system commands are not run)'};
	const {init} = system.facts;
	const argv = initStatusCommand(init, service);
	try {
		const result = await system.commands.run(argv, {timeoutMs: askTimeoutMs});
		// `systemctl is-active` and `service X status` answer "not running" with a non-zero exit.
		const output = `${result.stdout}\n${result.stderr}`;
		if (result.exitCode === undefined && !result.ok) return {state: 'unknown', pid: null, detail: result.failure ?? `${argv.join(' ')} failed`};
		if (init === 'upstart') return parseUpstartStatus(output);
		if (init === 'sysv') return parseServiceStatus(output, result.exitCode);
		const state = parseSystemctlIsActive(result.stdout);
		if (state.state !== 'running' && state.state !== 'starting') return state;
		const pid = await system.commands.run(systemdPidCommand(service), {timeoutMs: askTimeoutMs});
		return {...state, pid: pid.ok ? parseSystemdPid(pid.stdout) : null};
	} catch (error) {
		return {state: 'unknown', pid: null, detail: `${argv.join(' ')}: ${errorMessage(error)}`};
	}
}

// Asking the init system spawns a process per service (two on systemd): every 2 s that alone
// would cost a few percent of a core. The live screen asks at most every `maxAgeMs`, and at once
// when a service's health changed, which is when its init state is likely to have changed too.
export type InitStateAsker = (service: ServiceName, healthy: boolean) => Promise<InitState>;

export function initStatesAskedEvery(
	system: Pick<System, 'sandbox' | 'facts' | 'commands'>,
	maxAgeMs: number,
	now: () => number = Date.now,
): {ask: InitStateAsker; forget(): void} {
	const asked = new Map<ServiceName, {at: number; healthy: boolean; state: Promise<InitState>}>();
	return {
		ask(service, healthy) {
			const last = asked.get(service);
			if (last && last.healthy === healthy && now() - last.at < maxAgeMs) return last.state;
			const state = initStateOf(system, service);
			asked.set(service, {at: now(), healthy, state});
			return state;
		},
		// After a restart: the next look asks again.
		forget: () => asked.clear(),
	};
}
