// The services the article installs, in the order they must start, and how each init system
// is told to start, restart, stop or not start at boot.
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

// `service` exists on upstart, systemd and sysv alike, and is what the article uses.
export const serviceCommand = (service: ServiceName, op: ServiceOp): string[] => ['service', service, op];

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
