// What the init system says about a service, and how to ask it: upstart `status X`, systemd
// `systemctl is-active X`, sysv `service X status`. Pure: the commands' answers come in as text.
import type {InitSystem} from './facts.js';
import type {ServiceName} from './services.js';

export type InitState = {
	state: 'running' | 'starting' | 'stopped' | 'failed' | 'unknown';
	pid: number | null;
	// The init system's own words, or why it was not asked.
	detail: string;
};

export function initStatusCommand(init: InitSystem, service: ServiceName): string[] {
	switch (init) {
		case 'upstart':
			return ['status', service];
		case 'systemd':
			return ['systemctl', 'is-active', service];
		case 'sysv':
			return ['service', service, 'status'];
	}
}

// systemd says the state and the pid apart; the others put the pid in their status line.
export const systemdPidCommand = (service: ServiceName): string[] => ['systemctl', 'show', '--property=MainPID', '--value', service];

const firstLine = (text: string): string =>
	text
		.split('\n')
		.map(line => line.trim())
		.find(Boolean) ?? '';

// `zookeeper start/running, process 1234`, `mesos-slave stop/waiting`, `status: Unknown job: x`.
export function parseUpstartStatus(output: string): InitState {
	const line = firstLine(output);
	const match = /\s(start|stop)\/(\S+?)(?:,\s*process\s+(\d+))?$/.exec(line);
	if (!match) return {state: 'unknown', pid: null, detail: line || 'no answer from status'};
	const [, goal, status, pid] = match;
	const running = goal === 'start' && status === 'running';
	const state = running ? 'running' : goal === 'start' ? 'starting' : 'stopped';
	return {state, pid: pid ? Number(pid) : null, detail: `${goal}/${status}`};
}

// `systemctl is-active` prints one word: active, activating, inactive, failed, deactivating…
export function parseSystemctlIsActive(output: string): InitState {
	const word = firstLine(output);
	const states: Record<string, InitState['state']> = {
		active: 'running',
		reloading: 'running',
		activating: 'starting',
		inactive: 'stopped',
		deactivating: 'stopped',
		failed: 'failed',
	};
	return {state: states[word] ?? 'unknown', pid: null, detail: word || 'no answer from systemctl'};
}

export function parseSystemdPid(output: string): number | null {
	const pid = Number(output.trim());
	return Number.isInteger(pid) && pid > 0 ? pid : null;
}

// LSB init scripts answer by exit code: 0 running, 1 and 2 dead with a stale pid or lock file, 3 stopped.
export function parseServiceStatus(output: string, exitCode: number | undefined): InitState {
	const pidMatch = /(?:\bpid\s*|process\s+|Main PID:\s*)(\d+)/i.exec(output);
	const pid = pidMatch ? Number(pidMatch[1]) : null;
	const line = firstLine(output.replace(/\u001B\[[0-9;]*m/g, ''));
	switch (exitCode) {
		case 0:
			return {state: 'running', pid, detail: line || 'running'};
		case 1:
		case 2:
			return {state: 'failed', pid: null, detail: line || 'dead, but its pid or lock file remains'};
		case 3:
			return {state: 'stopped', pid: null, detail: line || 'not running'};
		default:
			return {state: 'unknown', pid, detail: line || `service status exited with ${exitCode ?? 'no code'}`};
	}
}
