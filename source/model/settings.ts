// The settings catalogue: the only list of the files mesos-setup writes and of their defaults.
// Screens, the plan, `plan --script`, `--yes` and `edit` all read it.
import type {Facts} from './facts.js';
import type {ServiceName} from './services.js';
import * as v from './validate.js';

// How a value is kept in its file.
export type Storage =
	| {kind: 'whole'} // the file holds the value and a final newline
	| {kind: 'env'; key: string} // KEY=VALUE in a shell environment file, other lines kept
	| {kind: 'properties'; key: string} // key=value in a Java properties file, other lines kept
	| {kind: 'servers'}; // the server.N=host:2888:3888 lines of zoo.cfg

export type Location = {path: string; storage: Storage};

export type Setting = {
	id: string;
	label: string;
	help: string;
	default: string;
	validate: v.Validator;
	// A fixed list of choices, shown as a select list instead of free text.
	choices?: readonly string[];
	restarts: ServiceName[];
	// Follows another setting's value until a person sets it.
	derivedFrom?: string;
	// Where the value lives on disk; undefined for installer settings kept only in the saved answers.
	location: (facts: Facts) => Location | undefined;
};

const whole = (path: string) => (): Location => ({path, storage: {kind: 'whole'}});
const env = (path: string, key: string) => (): Location => ({path, storage: {kind: 'env', key}});
const zooCfg = '/etc/zookeeper/conf/zoo.cfg';

// Marathon 1.5+ reads MARATHON_<NAME> from /etc/default/marathon; older ones one file per flag.
const marathon =
	(name: string) =>
	(facts: Facts): Location =>
		facts.marathonLayout === 'default-file'
			? {path: '/etc/default/marathon', storage: {kind: 'env', key: `MARATHON_${name.toUpperCase()}`}}
			: {path: `/etc/marathon/conf/${name}`, storage: {kind: 'whole'}};

export const defaultFingerprint = '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF';

export const settings: readonly Setting[] = [
	{
		id: 'repo.url',
		label: 'Repository URL',
		help: 'Where apt downloads the mesosphere packages; the distribution and codename are added to it. Change it to a mirror if the original host no longer serves.',
		default: 'http://repos.mesosphere.io',
		validate: v.httpUrl,
		restarts: [],
		location: () => undefined,
	},
	{
		id: 'repo.keyserver',
		label: 'Key server',
		help: 'The OpenPGP key server the repository signing key is fetched from, as in the article.',
		default: 'keyserver.ubuntu.com',
		validate: v.keyserver,
		restarts: [],
		location: () => undefined,
	},
	{
		id: 'repo.key',
		label: 'Signing key fingerprint',
		help: 'The full fingerprint of the repository signing key. The imported key is checked against it and refused if it differs.',
		default: defaultFingerprint,
		validate: v.fingerprint,
		restarts: [],
		location: () => undefined,
	},
	{
		id: 'repo.keyMethod',
		label: 'How the key is trusted',
		help: 'apt-key adds the key to apt’s global keyring, as the article does; keyring keeps it in /usr/share/keyrings and trusts it for this repository only (signed-by). auto picks keyring where apt-key is missing or deprecated.',
		default: 'auto',
		choices: ['auto', 'apt-key', 'keyring'],
		validate: v.oneOf(['auto', 'apt-key', 'keyring']),
		restarts: [],
		location: () => undefined,
	},
	{
		id: 'zookeeper.myid',
		label: 'ZooKeeper server id',
		help: 'A number from 1 to 255, different on every master. ZooKeeper finds its own line in zoo.cfg by it.',
		default: '1',
		validate: v.integerIn(1, 255),
		restarts: ['zookeeper'],
		location: whole('/etc/zookeeper/conf/myid'),
	},
	{
		id: 'zookeeper.servers',
		label: 'ZooKeeper servers',
		help: 'Every ZooKeeper server as N=host:2888:3888, N being its id; one machine needs just itself. The host must be an address the others can reach.',
		default: '1=127.0.0.1:2888:3888',
		validate: v.zkServers,
		restarts: ['zookeeper'],
		location: () => ({path: zooCfg, storage: {kind: 'servers'}}),
	},
	{
		id: 'zookeeper.dataDir',
		label: 'ZooKeeper data directory',
		help: 'Where ZooKeeper keeps its data and reads myid from. Debian links /var/lib/zookeeper/myid to the myid above; Debian 12’s sample says /tmp/zookeeper, which loses data at boot.',
		default: '/var/lib/zookeeper',
		validate: v.zookeeperDataDir,
		restarts: ['zookeeper'],
		location: () => ({path: zooCfg, storage: {kind: 'properties', key: 'dataDir'}}),
	},
	{
		id: 'mesos.logs',
		label: 'Mesos log directory',
		help: 'Where mesos-master and mesos-slave write their logs (LOGS in /etc/default/mesos, read by both).',
		default: '/var/log/mesos',
		validate: v.absolutePath,
		restarts: ['mesos-master', 'mesos-slave'],
		location: env('/etc/default/mesos', 'LOGS'),
	},
	{
		id: 'mesos.ulimit',
		label: 'Mesos open-file limit',
		help: 'The ulimit the Mesos services start with; 8192 open files leaves room for many tasks.',
		default: '-n 8192',
		validate: v.ulimit,
		restarts: ['mesos-master', 'mesos-slave'],
		location: env('/etc/default/mesos', 'ULIMIT'),
	},
	{
		id: 'mesos.zk',
		label: 'Mesos ZooKeeper URL',
		help: 'Where the Mesos masters elect a leader and agents find it. The master, agent and Marathon settings follow it unless you set them.',
		default: 'zk://127.0.0.1:2181/mesos',
		validate: v.zkUrl,
		restarts: ['mesos-master', 'mesos-slave'],
		location: whole('/etc/mesos/zk'),
	},
	{
		id: 'master.port',
		label: 'Master port',
		help: 'The port of the Mesos master’s web interface and API (5050 by convention).',
		default: '5050',
		validate: v.port,
		restarts: ['mesos-master'],
		location: env('/etc/default/mesos-master', 'PORT'),
	},
	{
		id: 'master.zk',
		label: 'Master ZooKeeper URL',
		help: 'The ZooKeeper URL the master registers under; the same as the Mesos ZooKeeper URL unless you set it.',
		default: 'zk://127.0.0.1:2181/mesos',
		derivedFrom: 'mesos.zk',
		validate: v.zkUrl,
		restarts: ['mesos-master'],
		location: env('/etc/default/mesos-master', 'ZK'),
	},
	{
		id: 'master.quorum',
		label: 'Master quorum',
		help: 'How many masters must agree on the replicated log: a majority of the masters, so 1 on one machine. A wrong value makes the master restart in a loop.',
		default: '1',
		validate: v.integerIn(1, 255),
		restarts: ['mesos-master'],
		location: whole('/etc/mesos-master/quorum'),
	},
	{
		id: 'master.work_dir',
		label: 'Master work directory',
		help: 'Where the master keeps its replicated log; it must survive a reboot, so not under /tmp.',
		default: '/var/lib/mesos',
		validate: v.absolutePath,
		restarts: ['mesos-master'],
		location: whole('/etc/mesos-master/work_dir'),
	},
	{
		id: 'slave.master',
		label: 'Agent’s master',
		help: 'How the agent finds the leading master (MASTER in /etc/default/mesos-slave); the Mesos ZooKeeper URL unless you set it.',
		default: 'zk://127.0.0.1:2181/mesos',
		derivedFrom: 'mesos.zk',
		validate: v.zkUrl,
		restarts: ['mesos-slave'],
		location: env('/etc/default/mesos-slave', 'MASTER'),
	},
	{
		id: 'slave.ip',
		label: 'Agent IP address',
		help: 'The address the agent listens on and tells the master; 127.0.0.1 keeps a one-laptop cluster off the network.',
		default: '127.0.0.1',
		validate: v.ipv4,
		restarts: ['mesos-slave'],
		location: whole('/etc/mesos-slave/ip'),
	},
	{
		id: 'slave.hostname',
		label: 'Agent host name',
		help: 'The name the agent registers with, shown in the master and used in task links; set it so it resolves to the agent.',
		default: '127.0.0.1',
		validate: v.hostname,
		restarts: ['mesos-slave'],
		location: whole('/etc/mesos-slave/hostname'),
	},
	{
		id: 'slave.containerizers',
		label: 'Containerizers',
		help: 'Which containerizers the agent offers, in order of preference; docker needs Docker installed on the agent.',
		default: 'mesos',
		choices: ['mesos', 'docker,mesos'],
		validate: v.containerizers,
		restarts: ['mesos-slave'],
		location: whole('/etc/mesos-slave/containerizers'),
	},
	{
		id: 'slave.executor_registration_timeout',
		label: 'Executor registration timeout',
		help: 'How long an executor may take to register; 5mins leaves time for a first docker pull. Mesos durations need a unit such as secs or mins.',
		default: '5mins',
		validate: v.mesosDuration,
		restarts: ['mesos-slave'],
		location: whole('/etc/mesos-slave/executor_registration_timeout'),
	},
	{
		id: 'marathon.hostname',
		label: 'Marathon host name',
		help: 'The name Marathon advertises to Mesos and in its links; set so the master and your browser can reach it.',
		default: '127.0.0.1',
		validate: v.hostname,
		restarts: ['marathon'],
		location: marathon('hostname'),
	},
	{
		id: 'marathon.master',
		label: 'Marathon’s master',
		help: 'How Marathon finds the Mesos master; the article copies /etc/mesos/zk here, so it follows the Mesos ZooKeeper URL unless you set it.',
		default: 'zk://127.0.0.1:2181/mesos',
		derivedFrom: 'mesos.zk',
		validate: v.zkUrl,
		restarts: ['marathon'],
		location: marathon('master'),
	},
	{
		id: 'marathon.zk',
		label: 'Marathon state in ZooKeeper',
		help: 'Where Marathon keeps its own state. Its own path (/marathon) keeps it apart from the masters’ /mesos node.',
		default: 'zk://127.0.0.1:2181/marathon',
		validate: v.zkUrl,
		restarts: ['marathon'],
		location: marathon('zk'),
	},
];

// Lines zoo.cfg must hold besides the settings, each with the reason shown in the preview.
export const zooCfgExtras: readonly {key: string; value: string; why: string}[] = [
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

const byId = new Map(settings.map(s => [s.id, s]));

export function findSetting(id: string): Setting | undefined {
	return byId.get(id);
}

export const settingIds = settings.map(s => s.id);

// Settings that follow `id` until set by a person.
export const followersOf = (id: string): Setting[] => settings.filter(s => s.derivedFrom === id);
