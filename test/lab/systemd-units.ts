/** The [Service] lines of one unit, in the order the packaged unit has them. */
export type UnitOptions = {description: string; service: string[]; after?: string};

function unit({description, service, after = 'network.target'}: UnitOptions): string {
	return `[Unit]
Description=${description}
After=${after}
Wants=network.target

[Service]
${service.join('\n')}

[Install]
WantedBy=multi-user.target
`;
}

// The Mesos units as the packages ship them (mesosphere/mesos-deb-packaging systemd/*.systemd; the
// agent's as mesos/mesos-packaging and Apache Mesos' support/packaging ship mesos-slave.service).
// Output goes to the journal (the wrapper's syslog `logger` lands there too on a real machine).
export const mesosMasterUnit = (): string => unit({
	description: 'Mesos Master',
	service: ['ExecStart=/usr/bin/mesos-init-wrapper master', 'Restart=always', 'RestartSec=20', 'LimitNOFILE=16384'],
});

export const mesosAgentUnit = (layout: 'slave' | 'agent'): string => unit({
	description: layout === 'agent' ? 'Mesos Agent' : 'Mesos Slave',
	service: [
		`ExecStart=/usr/bin/mesos-init-wrapper ${layout}`, 'KillMode=process', 'Restart=always', 'RestartSec=20',
		'LimitNOFILE=16384', 'CPUAccounting=true', 'MemoryAccounting=true', ...(layout === 'agent' ? ['Delegate=true'] : []),
	],
});

/** Marathon before 1.5: the start script reads /etc/marathon/conf. */
export const marathonConfUnit = (): string => unit({
	description: 'Marathon',
	service: ['ExecStart=/usr/bin/marathon', 'Restart=always', 'RestartSec=20'],
});

/**
 * Marathon 1.5+ as its sbt-native-packager package ships it: the options come from
 * /etc/default/marathon as MARATHON_* variables. (The real unit also sets User=marathon, a user its
 * package creates; the lab runs it as root so that restoring the machine has no user to take away.)
 */
export const marathonDefaultsUnit = (): string => unit({
	description: 'Scheduler for Apache Mesos',
	service: [
		'Type=simple', 'WorkingDirectory=/usr/share/marathon', 'EnvironmentFile=/etc/default/marathon',
		'ExecStart=/usr/share/marathon/bin/marathon', 'ExecReload=/bin/kill -HUP $MAINPID', 'Restart=always', 'RestartSec=60',
	],
});

export const chronosUnit = (): string => unit({
	description: 'Chronos',
	service: ['ExecStart=/usr/bin/chronos', 'Restart=always', 'RestartSec=20'],
});
