// The services the article installs, in the order they must start, and how each init system
// is told to start, restart, stop or not start at boot.
import type {Values} from './answers.js';
import type {InitSystem} from './facts.js';

export type ServiceName = 'zookeeper' | 'mesos-master' | 'mesos-slave' | 'marathon' | 'chronos';

// The services each package ships (and starts or enables at boot on install). The article's
// metapackage brings them all; Chronos is installed but kept manual, as in the article.
export const packageServices: Readonly<Record<string, readonly ServiceName[]>> = {
	mesosphere: ['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'],
	zookeeperd: ['zookeeper'],
	mesos: ['mesos-master', 'mesos-slave'],
	marathon: ['marathon'],
};

// The package that brings each service a role runs (mesos brings the master and the agent alike).
export const packageOf: Readonly<Record<ServiceName, string>> = {
	zookeeper: 'zookeeperd',
	'mesos-master': 'mesos',
	'mesos-slave': 'mesos',
	marathon: 'marathon',
	chronos: 'chronos',
};

export const startOrder: ServiceName[] = ['zookeeper', 'mesos-master', 'mesos-slave', 'marathon'];

export type ServiceOp = 'start' | 'restart' | 'stop' | 'status';

// systemd is told through systemctl, whose answer is the unit's own (`service` would hand over to
// it anyway); upstart and sysv through `service`, as the article does.
export const serviceCommand = (init: InitSystem, service: ServiceName, op: ServiceOp): string[] =>
	init === 'systemd' ? ['systemctl', op, service] : ['service', service, op];

// The units that log to the journal under systemd: the packages' own units run the daemon in the
// foreground, its output going to the journal. Debian's ZooKeeper has only a sysv script (a
// generated unit that forks), so the journal holds only systemd's lines about it: its log file says more.
const journalUnits: readonly ServiceName[] = ['mesos-master', 'mesos-slave', 'marathon', 'chronos'];
export const logsToJournal = (init: InitSystem, service: ServiceName): boolean => init === 'systemd' && journalUnits.includes(service);

// The last `lines` lines of a unit's journal, the messages only (as a log file shows them);
// --quiet leaves out journalctl's own "-- No entries --".
export const journalTailCommand = (service: ServiceName, lines: number): string[] => ['journalctl', '--quiet', '-u', `${service}.service`, '-n', String(lines), '--no-pager', '-o', 'cat'];

export function disableAtBootCommand(init: InitSystem, service: ServiceName): string[] | undefined {
	switch (init) {
		case 'systemd':
			return ['systemctl', 'disable', service];
		case 'sysv':
			return ['update-rc.d', service, 'disable'];
		case 'upstart':
			return undefined; // upstart reads /etc/init/<service>.override instead
	}
}

// The ports each service listens on, and whom a person would see named as their owner: the
// preflight checks those of the services this machine's role runs, and no two of them may be the
// same (port-problems.ts).
export const servicePorts = (values: Values): Record<ServiceName, [number, string][]> => ({
	zookeeper: [
		[2181, 'ZooKeeper clients'],
		[2888, 'ZooKeeper peers'],
		[3888, 'ZooKeeper leader election'],
	],
	'mesos-master': [[Number(values['master.port']), 'the Mesos master']],
	'mesos-slave': [[5051, 'the Mesos agent']],
	marathon: [[8080, 'Marathon']],
	chronos: [],
});
