// The settings catalogue: the only list of the files mesos-setup writes and of their defaults.
// Screens, the plan, `plan --script`, `--yes` and `edit` all read it.
import {dockerChosen} from './docker.js';
import type {Facts} from './facts.js';
import {agentDefaults, agentFolder, marathonConfDir, marathonDefaults, zooCfgPath} from './files.js';
import {masterAddressSettings} from './master-address-settings.js';
import {repositorySettings} from './repository-settings.js';
import {nodeRoles} from './roles.js';
import {type DefaultBy, env, savedOnly, type SettingEntry, whole} from './setting-entry.js';
import {show} from './shown-value.js';
import type {Location} from './storage.js';
import * as v from './validate.js';
import {zkWithPath} from './zk-url.js';

export {defaultFingerprint} from './repository-settings.js';

// Marathon 1.5+ reads MARATHON_<NAME> from /etc/default/marathon; older ones one file per flag.
const marathon =
	(name: string) =>
	(facts: Facts): Location =>
		facts.marathonLayout === 'default-file'
			? {path: marathonDefaults, storage: {kind: 'env', key: `MARATHON_${name.toUpperCase()}`}}
			: {path: `${marathonConfDir}/${name}`, storage: {kind: 'whole'}};

// The agent's files: in the folder and defaults file of the role its init wrapper runs as.
const agentFile =
	(name: string) =>
	(facts: Facts): Location => ({path: `${agentFolder(facts.agentLayout)}/${name}`, storage: {kind: 'whole'}});
const agentEnv =
	(key: string) =>
	(facts: Facts): Location => ({path: agentDefaults(facts.agentLayout), storage: {kind: 'env', key}});

const catalogue = [
	...repositorySettings,
	{
		id: 'node.role',
		label: 'This machine’s role',
		help: 'master+agent runs every service on this machine, as the article does; master runs ZooKeeper, the Mesos master and Marathon; agent runs the Mesos agent only. Only that role’s packages, files and services are installed, written and started.',
		default: 'master+agent',
		choices: nodeRoles,
		validate: v.oneOf(nodeRoles),
		restarts: [],
		location: savedOnly,
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
		location: () => ({path: zooCfgPath, storage: {kind: 'servers'}}),
	},
	{
		id: 'zookeeper.dataDir',
		label: 'ZooKeeper data directory',
		help: 'Where ZooKeeper keeps its data and reads myid from. Debian links /var/lib/zookeeper/myid to the myid above; Debian 12’s sample says /tmp/zookeeper, which loses data at boot.',
		default: '/var/lib/zookeeper',
		validate: v.zookeeperDataDir,
		restarts: ['zookeeper'],
		location: () => ({path: zooCfgPath, storage: {kind: 'properties', key: 'dataDir'}}),
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
		help: 'Where the Mesos masters elect a leader and agents find it. The master, agent and Marathon settings follow it unless you set them. On a machine that is an agent only, it names the masters (zk://MASTER:2181/mesos): no ZooKeeper runs there.',
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
	...masterAddressSettings,
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
		help: 'How the agent finds the leading master (MASTER in /etc/default/mesos-slave, or mesos-agent where the packages read that); the Mesos ZooKeeper URL unless you set it.',
		default: 'zk://127.0.0.1:2181/mesos',
		derivedFrom: 'mesos.zk',
		validate: v.zkUrl,
		restarts: ['mesos-slave'],
		location: agentEnv('MASTER'),
	},
	{
		id: 'slave.ip',
		label: 'Agent IP address',
		help: 'The address the agent listens on and tells the master; 127.0.0.1 keeps a one-laptop cluster off the network. On a machine that is an agent only, its address on the cluster’s network: the masters reach it there.',
		default: '127.0.0.1',
		validate: v.ipv4,
		restarts: ['mesos-slave'],
		location: agentFile('ip'),
	},
	{
		id: 'slave.hostname',
		label: 'Agent host name',
		help: 'The name the agent registers with, shown in the master and used in task links; set it so it resolves to the agent (on a machine that is an agent only, from the masters and frameworks: not 127.0.0.1).',
		default: '127.0.0.1',
		validate: v.hostname,
		restarts: ['mesos-slave'],
		location: agentFile('hostname'),
	},
	{
		id: 'slave.containerizers',
		label: 'Containerizers',
		help: 'Which containerizers the agent offers, in order of preference. With docker the install step adds Docker (docker.io) from the distribution, the executor registration timeout defaults to 10mins, and preflight and status ask docker version.',
		default: 'mesos',
		choices: ['mesos', 'docker,mesos'],
		validate: v.containerizers,
		restarts: ['mesos-slave'],
		location: agentFile('containerizers'),
	},
	{
		id: 'slave.executor_registration_timeout',
		label: 'Executor registration timeout',
		help: 'How long an executor may take to register before the agent gives up on it; a docker task’s first image pull counts. Mesos durations need a unit such as secs or mins.',
		default: '5mins',
		defaultBy: {
			setting: 'slave.containerizers',
			value: containerizers => (dockerChosen(containerizers) ? '10mins' : undefined),
			why: '10mins is the default while the containerizers include docker: a task’s first image pull can take longer than 5mins. Set it to keep another value.',
		},
		validate: v.mesosDuration,
		restarts: ['mesos-slave'],
		location: agentFile('executor_registration_timeout'),
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
		help: 'Where Marathon keeps its own state: the Mesos ZooKeeper URL’s hosts unless you set it, with its own path (/marathon), which keeps it apart from the masters’ /mesos node.',
		default: 'zk://127.0.0.1:2181/marathon',
		derivedFrom: 'mesos.zk',
		derivedAs: zk => zkWithPath(zk, '/marathon'),
		validate: v.zkUrl,
		restarts: ['marathon'],
		location: marathon('zk'),
	},
] as const satisfies readonly SettingEntry[];

// Every setting's id, as a type: a misspelt id is a type error wherever one is written.
export type SettingId = (typeof catalogue)[number]['id'];

export type Setting = Omit<SettingEntry, 'id' | 'derivedFrom' | 'defaultBy'> & {id: SettingId; derivedFrom?: SettingId; defaultBy?: DefaultBy<SettingId>};

// Typed here, so a `derivedFrom` that names no setting fails to compile.
export const settings: readonly Setting[] = catalogue;

const byId = new Map<string, Setting>(settings.map(s => [s.id, s]));

export const settingIds: readonly SettingId[] = settings.map(s => s.id);

export const isSettingId = (id: string): id is SettingId => byId.has(id);

export function findSetting(id: SettingId): Setting;
export function findSetting(id: SettingId | undefined): Setting | undefined;
export function findSetting(id: SettingId | undefined): Setting | undefined {
	return id === undefined ? undefined : byId.get(id);
}

// Text from outside (an answers file, --set, a saved state, a command's ID) becomes a setting id
// only here: an id the catalogue does not hold is refused with the ids it does.
export function settingIdFrom(raw: string): {ok: true; id: SettingId} | {ok: false; message: string} {
	if (isSettingId(raw)) return {ok: true, id: raw};
	const near = settingIds.filter(known => known.split('.')[0] === raw.split('.')[0]);
	const list = near.length > 0 ? near : settingIds;
	return {ok: false, message: `unknown setting ${show(raw)}: known settings are ${list.join(', ')}.`};
}
