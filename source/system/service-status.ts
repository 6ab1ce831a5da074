// What the init system says about each service: upstart, systemd or sysv, as detected. A sandbox
// root never runs system commands, so there the init state is "unknown" and says why.
import {errorMessage} from '../model/errors.js';
import {type InitState, type InitStates, initStatusAllCommand, parseInitStatusAll} from '../model/init-state.js';
import type {ServiceName} from '../model/services.js';
import type {System} from './system.js';

// Each init script answers within a second or two; several in one command get a little longer.
const askTimeoutMs = 5000;

const unknownFor = (services: readonly ServiceName[], detail: string): InitStates =>
	Object.fromEntries(services.map(service => [service, {state: 'unknown', pid: null, detail} satisfies InitState]));

// One command for all the services asked (initStatusAllCommand), whatever the init system.
export async function initStatesOf(system: Pick<System, 'sandbox' | 'facts' | 'commands'>, services: readonly ServiceName[]): Promise<InitStates> {
	if (system.sandbox) return unknownFor(services, 'not asked (--root: system commands are not run)');
	const {init} = system.facts;
	const argv = initStatusAllCommand(init, services);
	const shown = init === 'sysv' ? `service … status for ${services.join(', ')}` : argv.join(' ');
	try {
		const result = await system.commands.run(argv, {timeoutMs: askTimeoutMs * Math.max(1, Math.ceil(services.length / 2))});
		if (result.exitCode === undefined && !result.ok) return unknownFor(services, result.failure ?? `${shown} failed`);
		// The sysv script prints each answer and its exit code; systemctl and initctl answer on stdout.
		return parseInitStatusAll(init, services, init === 'sysv' ? `${result.stdout}\n${result.stderr}` : result.stdout);
	} catch (error) {
		return unknownFor(services, `${shown}: ${errorMessage(error)}`);
	}
}

export async function initStateOf(system: Pick<System, 'sandbox' | 'facts' | 'commands'>, service: ServiceName): Promise<InitState> {
	return (await initStatesOf(system, [service]))[service] ?? {state: 'unknown', pid: null, detail: 'no answer'};
}

// Asking the init system spawns at least one process, and an init script several: every 2 s that
// alone would cost a few percent of a core. The live screen asks at most every `maxAgeMs`, and at
// once when a service's health changed, which is when its init state is likely to have changed too.
// Each time, one command asks about every service.
export type InitStatesAsker = (healthy: Partial<Record<ServiceName, boolean>>) => Promise<InitStates>;

export function initStatesAskedEvery(
	system: Pick<System, 'sandbox' | 'facts' | 'commands'>,
	maxAgeMs: number,
	now: () => number = Date.now,
): {ask: InitStatesAsker; forget(): void} {
	let last: {at: number; healthy: string; states: Promise<InitStates>} | undefined;
	return {
		ask(healthy) {
			const key = JSON.stringify(healthy);
			if (last && last.healthy === key && now() - last.at < maxAgeMs) return last.states;
			last = {at: now(), healthy: key, states: initStatesOf(system, Object.keys(healthy) as ServiceName[])};
			return last.states;
		},
		// After a restart: the next look asks again.
		forget: () => {
			last = undefined;
		},
	};
}
