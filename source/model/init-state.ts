// What the init system says about services, and how to ask it about several in one command (the
// live status screen asks every few seconds, and a command per service was most of what it cost
// idle): upstart `initctl list`, systemd one `systemctl show` of every unit, sysv one shell running
// each init script's `status` as `service X status` would. Pure: the answers come in as text.
import type {InitSystem} from './facts.js';
import {initScriptsDir} from './files.js';
import type {ServiceName} from './services.js';

export type InitState = {
	state: 'running' | 'starting' | 'stopped' | 'failed' | 'unknown';
	pid: number | null;
	// The init system's own words, or why it was not asked.
	detail: string;
};

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

// The line the sysv command prints after each service's answer: its name and the exit code.
const sysvEnd = '@@mesos-setup-status';

// `service` runs the script with a clean environment; a service without one is "unrecognized",
// told apart from the script's own answers by LSB's 4 (status unknown).
// The scripts' folder is the first argument (a test points it at scripts of its own).
const sysvStatusAll = [
	'dir=$1; shift',
	'for service; do',
	'  if [ -x "$dir/$service" ]; then',
	'    env -i LANG="$LANG" TERM="$TERM" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$dir/$service" status </dev/null 2>&1',
	`    echo "${sysvEnd} $service $?"`,
	'  else',
	`    echo "$service: unrecognized service"; echo "${sysvEnd} $service 4"`,
	'  fi',
	'done',
].join('\n');

// The unit's state, its sub-state (running, auto-restart, dead, …), the daemon's PID and how its
// last run ended: enough to tell a service that runs from one systemd keeps restarting.
const systemdProperties = 'Id,ActiveState,SubState,MainPID,ExecMainStatus';

// One unit's block of `systemctl show`: `auto-restart` is a daemon that exited and waits to be
// started again (Restart=), so it is failed, not starting, whatever ActiveState says.
export function parseSystemdUnit(fields: ReadonlyMap<string, string>): InitState {
	const active = fields.get('ActiveState') ?? '';
	const sub = fields.get('SubState') ?? '';
	const status = Number(fields.get('ExecMainStatus') ?? '0');
	const exited = Number.isInteger(status) && status !== 0 ? `, its last run exited with status ${status}` : '';
	const detail = `${active || 'no answer from systemctl'}${sub ? `/${sub}` : ''}${exited}`;
	if (sub === 'auto-restart') return {state: 'failed', pid: null, detail: `${detail}; systemd starts it again`};
	const state = parseSystemctlIsActive(active).state;
	const pid = state === 'running' || state === 'starting' ? parseSystemdPid(fields.get('MainPID') ?? '') : null;
	return {state, pid, detail};
}

const systemdBlock = (block: string): Map<string, string> =>
	new Map(
		block
			.split('\n')
			.filter(line => line.includes('='))
			.map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
	);

export function initStatusAllCommand(init: InitSystem, services: readonly ServiceName[], initScripts = initScriptsDir): string[] {
	switch (init) {
		case 'upstart':
			return ['initctl', 'list'];
		case 'systemd':
			return ['systemctl', 'show', `--property=${systemdProperties}`, '--', ...services];
		case 'sysv':
			return ['sh', '-c', sysvStatusAll, 'sh', initScripts, ...services];
	}
}

export type InitStates = Partial<Record<ServiceName, InitState>>;

// The answer of initStatusAllCommand, per service; a service the answer does not name is unknown.
export function parseInitStatusAll(init: InitSystem, services: readonly ServiceName[], output: string): InitStates {
	const states: InitStates = {};
	switch (init) {
		case 'upstart': {
			const lines = output.split('\n');
			for (const service of services) {
				const line = lines.find(text => text.startsWith(`${service} `));
				states[service] = line ? parseUpstartStatus(line) : {state: 'unknown', pid: null, detail: `initctl list does not name ${service}`};
			}
			return states;
		}
		case 'systemd': {
			// One block of KEY=value lines per unit, in the order asked, a blank line between; Id
			// names the unit, so a block is matched by it where it is there.
			const blocks = output
				.split(/\n\s*\n/)
				.filter(block => block.trim() !== '')
				.map(systemdBlock);
			for (const [index, service] of services.entries()) {
				const fields = blocks.find(block => block.get('Id') === `${service}.service`) ?? blocks[index] ?? new Map<string, string>();
				states[service] = parseSystemdUnit(fields);
			}
			return states;
		}
		case 'sysv': {
			let answer: string[] = [];
			for (const line of output.split('\n')) {
				const end = line.startsWith(`${sysvEnd} `) ? line.split(' ') : undefined;
				if (!end) {
					answer.push(line);
					continue;
				}
				const service = services.find(name => name === end[1]);
				if (service) states[service] = parseServiceStatus(answer.join('\n'), Number(end[2]));
				answer = [];
			}
			for (const service of services) states[service] ??= {state: 'unknown', pid: null, detail: 'the init script gave no answer'};
			return states;
		}
	}
}
