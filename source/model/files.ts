// The catalogue's other half: the files mesos-setup writes or reads that hold no setting of their
// own, where each lives and how it is kept. With settings.ts it is the only list of paths in the
// model; the plan's steps take them from here.
import type {Values} from './answers.js';
import type {AgentRole, Facts} from './facts.js';
import type {ServiceName} from './services.js';
import type {SettingId} from './settings.js';
import type {FileShape, FixedLine, Location} from './storage.js';
import {zooCfgSample} from './zookeeper-sample.js';

// mesos-setup's own folders: its saved state, the runs' backups and journals, the runs' logs. A
// journal never lists a file in them, and no setting may point into them.
export const bookkeepingDirs = ['/var/backups/mesos-setup', '/var/lib/mesos-setup', '/var/log/mesos-setup'] as const;

// No data directory may be inside these: the system's own folders and mesos-setup's.
export const dataDirForbidden = ['/etc', ...bookkeepingDirs, '/proc', '/sys', '/dev', '/boot'] as const;

// The preflight looks here for a host name that resolves to 127.0.1.1.
export const hostsPath = '/etc/hosts';

// apt: the repository's signing key (keyring method), its source list, and apt-key's global keyring.
export const keyringPath = '/usr/share/keyrings/mesosphere-archive-keyring.gpg';
export const sourceListPath = '/etc/apt/sources.list.d/mesosphere.list';
export const aptKeyringPath = '/etc/apt/trusted.gpg';
// An apt source's own key (repo.source apt), trusted for that source only (signed-by).
export const sourceKeyringPath = '/usr/share/keyrings/mesos-setup-source-keyring.gpg';
// A folder of .deb files (repo.source folder) is copied here and indexed, as a local apt repository.
export const localRepositoryPath = '/var/cache/mesos-setup/packages';

// A cluster's master: the address it listens on and advertises (mesos-master's ip and hostname flags).
export const masterAddressPath = (flag: 'ip' | 'hostname'): string => `/etc/mesos-master/${flag}`;

// sysv's init scripts, which `service X status` runs (the live status runs them itself, all in one shell).
export const initScriptsDir = '/etc/init.d';

// What the agent's service runs, for the layout its wrapper reads (agentLayoutFor in facts.ts): its
// unit where the package ships one (a Debian package ships it even for a sysv machine), its upstart
// job, its init script.
export const agentServiceFiles = [
	'/etc/systemd/system/mesos-slave.service',
	'/lib/systemd/system/mesos-slave.service',
	'/usr/lib/systemd/system/mesos-slave.service',
	'/etc/init/mesos-slave.conf',
	'/etc/init.d/mesos-slave',
] as const;

// The folder and the defaults file the agent's init wrapper reads, by the role it runs as.
export const agentFolder = (role: AgentRole): string => `/etc/mesos-${role}`;
export const agentDefaults = (role: AgentRole): string => `/etc/default/mesos-${role}`;

// Marathon before 1.5 reads a file per flag in its conf folder; 1.5+ only MARATHON_* variables here.
export const marathonConfDir = '/etc/marathon/conf';
export const marathonDefaults = '/etc/default/marathon';

// Where the installed packages (or, before the install, the article's) read the agent's and Marathon's
// configuration, in a sentence.
export function layoutLine(facts: Facts): string {
	const agent = `the agent’s from ${agentFolder(facts.agentLayout)}/ and ${agentDefaults(facts.agentLayout)} (mesos-init-wrapper ${facts.agentLayout})`;
	const marathon = facts.marathonLayout === 'default-file' ? `Marathon’s from ${marathonDefaults} (MARATHON_* variables)` : `Marathon’s from ${marathonConfDir}/`;
	return `${agent}, ${marathon}`;
}

// The preview's word on an agent or Marathon file: who reads it, and whether that was seen in the
// installed packages or is the article's layout until the install shows otherwise.
export function layoutNote(path: string, facts: Facts): string | undefined {
	const agent = path.startsWith(`${agentFolder(facts.agentLayout)}/`) || path === agentDefaults(facts.agentLayout);
	const marathon = path === marathonDefaults || path.startsWith(`${marathonConfDir}/`);
	if (!agent && !marathon) return undefined;
	const reader = agent ? `mesos-init-wrapper ${facts.agentLayout}` : facts.marathonLayout === 'default-file' ? 'Marathon 1.5+' : 'Marathon before 1.5';
	const version = agent ? facts.versions.mesos : facts.versions.marathon;
	if (version) return `Read by ${reader}, as installed (${agent ? 'mesos' : 'marathon'} ${version}).`;
	const predicted = agent ? facts.layoutPrediction?.agent : facts.layoutPrediction?.marathon;
	if (predicted) return `Read by ${reader}, as predicted from ${facts.layoutPrediction?.where} (${predicted}); after the install mesos-setup checks, and shows any file that moves before writing it.`;
	return `Read by ${reader}, as the article’s packages do; after the install mesos-setup looks at what was installed and writes where it reads.`;
}

// upstart reads "manual" here and leaves the service to be started by hand.
export const overridePath = (service: ServiceName): string => `/etc/init/${service}.override`;

// Where each service logs, for the tail shown when it fails and on the status screen. The Mesos
// daemons log under mesos.logs; these are where they log by default.
const mesosLogDir = '/var/log/mesos';
export const logFiles: Record<ServiceName, string[]> = {
	zookeeper: ['/var/log/zookeeper/zookeeper.log'],
	'mesos-master': [`${mesosLogDir}/mesos-master.INFO`, `${mesosLogDir}/mesos-master.log`],
	'mesos-slave': [`${mesosLogDir}/mesos-slave.INFO`, `${mesosLogDir}/mesos-slave.log`],
	// Not /var/log/syslog: its lines are not Marathon's, and showing them as its log would mislead.
	marathon: ['/var/log/marathon/marathon.log'],
	chronos: ['/var/log/chronos/chronos.log'],
};

// ZooKeeper's configuration: two settings (its servers and dataDir) and the lines below.
export const zooCfgPath = '/etc/zookeeper/conf/zoo.cfg';

// Lines a file must hold besides its settings, each with the reason shown in the preview.
export const zooCfgExtras: readonly FixedLine[] = [
	{
		key: 'admin.enableServer',
		value: 'false',
		why: 'ZooKeeper 3.5+ opens an admin web server on port 8080, which Marathon needs.',
	},
	{
		key: '4lw.commands.whitelist',
		value: 'ruok,srvr,mntr,stat',
		why: 'ZooKeeper 3.5+ answers only srvr of the four-letter words unless listed; the health checks use srvr and mntr.',
	},
];

// zoo.cfg also starts from the package's sample where none exists (zookeeper-sample.ts).
export const fileShapeOf = (path: string): FileShape => (path === zooCfgPath ? {fixed: zooCfgExtras, base: zooCfgSample} : {fixed: []});

// Debian's ZooKeeper 3.8 logs nowhere (no slf4j binding): these give it one, so a failed start has
// a log to show. /etc/zookeeper/conf is on its CLASSPATH, where slf4j-simple finds its properties.
export const zookeeperLogFile = '/var/log/zookeeper/zookeeper.log';
export const zookeeperLoggingFiles = {
	environment: {
		path: '/etc/zookeeper/conf/environment',
		key: 'CLASSPATH',
		value: '/etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-simple.jar',
		why: 'Debian’s ZooKeeper has no logging binding and writes no log; slf4j-simple gives it one.',
	},
	properties: {
		path: '/etc/zookeeper/conf/simplelogger.properties',
		content: `org.slf4j.simpleLogger.logFile=${zookeeperLogFile}\norg.slf4j.simpleLogger.showDateTime=true\n`,
		why: `Sends ZooKeeper’s log to ${zookeeperLogFile}, where a failed start can be read.`,
	},
} as const;

// Where Debian's package links /var/lib/zookeeper/myid to /etc/zookeeper/conf/myid.
const debianZookeeperDataDir = '/var/lib/zookeeper';

// A file written beside the file of a setting, holding none of its own: it is written right after
// that file, whenever that file is written (by the setup only, when `setupOnly`).
export type CompanionFile = {
	title: string;
	follows: SettingId;
	setupOnly: boolean;
	// The settings whose values it holds (none: it is fixed).
	settings: SettingId[];
	restarts: ServiceName[];
	// Where it goes, what it holds and why; undefined where it is not needed.
	file: (values: Values, facts: Facts) => {location: Location; value: string; note: string} | undefined;
};

// Written by the setup after zoo.cfg, where Debian's ZooKeeper has no logging binding.
function zookeeperLogging(title: string, file: () => {location: Location; value: string; note: string}): CompanionFile {
	return {
		title,
		follows: 'zookeeper.servers',
		setupOnly: true,
		settings: [],
		restarts: ['zookeeper'],
		file: (_values, facts) => (facts.zookeeperLogging === 'needs-binding' ? file() : undefined),
	};
}

// Mesos 1.x agents refuse to start without --work_dir. The agent layout's package ships
// /etc/mesos-slave/work_dir, which its `agent` wrapper never reads; its folder is written here.
export const agentWorkDir = '/var/lib/mesos';

export const companionFiles: readonly CompanionFile[] = [
	{
		// ZooKeeper reads myid from its dataDir. Debian links /var/lib/zookeeper/myid to the conf
		// one; anywhere else the id must be written there too, or an ensemble will not form.
		title: 'ZooKeeper id in its data directory',
		follows: 'zookeeper.myid',
		setupOnly: false,
		settings: ['zookeeper.myid', 'zookeeper.dataDir'],
		restarts: ['zookeeper'],
		file: values => {
			const dataDir = values['zookeeper.dataDir'];
			if (dataDir === debianZookeeperDataDir) return undefined;
			return {
				location: {path: `${dataDir}/myid`, storage: {kind: 'whole'}},
				value: values['zookeeper.myid'],
				note: `ZooKeeper reads myid from dataDir (${dataDir}), not from /etc/zookeeper/conf.`,
			};
		},
	},
	{
		title: 'Agent work directory',
		follows: 'slave.ip',
		setupOnly: true,
		settings: [],
		restarts: ['mesos-slave'],
		file: (_values, facts) =>
			facts.agentLayout === 'agent'
				? {
						location: {path: `${agentFolder('agent')}/work_dir`, storage: {kind: 'whole'}},
						value: agentWorkDir,
						note: `Mesos 1.x agents need a work directory; the package's ${agentFolder('slave')}/work_dir names ${agentWorkDir}, but its wrapper reads ${agentFolder('agent')}.`,
					}
				: undefined,
	},
	zookeeperLogging('ZooKeeper logging binding', () => {
		const {path, key, value, why} = zookeeperLoggingFiles.environment;
		return {location: {path, storage: {kind: 'env', key}}, value, note: why};
	}),
	zookeeperLogging('ZooKeeper log file', () => {
		const {path, content, why} = zookeeperLoggingFiles.properties;
		// A whole file is its value and a final newline.
		return {location: {path, storage: {kind: 'whole'}}, value: content.replace(/\n$/, ''), note: why};
	}),
];
