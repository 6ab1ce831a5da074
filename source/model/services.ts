// The services the article installs, in the order they must start, and how each init system
// is told to start, restart, stop or not start at boot.
import type {InitSystem} from './facts.js';

export type ServiceName = 'zookeeper' | 'mesos-master' | 'mesos-slave' | 'marathon' | 'chronos';

// Chronos is installed but kept manual, as in the article.
export const overriddenServices: ServiceName[] = ['chronos', 'zookeeper', 'marathon', 'mesos-master', 'mesos-slave'];
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

export const overridePath = (service: ServiceName): string => `/etc/init/${service}.override`;

export const logFiles: Record<ServiceName, string[]> = {
	zookeeper: ['/var/log/zookeeper/zookeeper.log'],
	'mesos-master': ['/var/log/mesos/mesos-master.INFO', '/var/log/mesos/mesos-master.log'],
	'mesos-slave': ['/var/log/mesos/mesos-slave.INFO', '/var/log/mesos/mesos-slave.log'],
	// Not /var/log/syslog: its lines are not Marathon's, and showing them as its log would mislead.
	marathon: ['/var/log/marathon/marathon.log'],
	chronos: ['/var/log/chronos/chronos.log'],
};
