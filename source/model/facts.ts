// What detection found about the target machine. Pure data: source/system/detect.ts fills it.

export type InitSystem = 'upstart' | 'systemd' | 'sysv';

export type AgentRole = 'slave' | 'agent';

// Where a layout was predicted from, and what said so for each part ("mesos 1.11.0: its agent
// service runs mesos-init-wrapper agent", "marathon 1.10.26"); a part not predicted is as detected.
export type LayoutPrediction = {where: string; agent?: string; marathon?: string};

export type Facts = {
	distro: string; // lower case, as in the repository path: ubuntu, debian
	codename: string; // trusty, bookworm …
	init: InitSystem;
	// apt-key is deprecated from Debian 11 and Ubuntu 22.04: there a keyring and signed-by is used.
	aptKey: 'present' | 'deprecated' | 'missing';
	hasApt: boolean;
	isRoot: boolean;
	versions: {zookeeper?: string; mesos?: string; marathon?: string};
	// Marathon 1.5+ packages read /etc/default/marathon (MARATHON_*) instead of /etc/marathon/conf.
	marathonLayout: 'conf-dir' | 'default-file';
	// The role the init wrapper runs the agent as, which names the folders it reads: the article's
	// packages `mesos-init-wrapper slave` (/etc/mesos-slave, /etc/default/mesos-slave), packages
	// built today `agent` (/etc/mesos-agent, /etc/default/mesos-agent). The service is mesos-slave in both.
	agentLayout: AgentRole;
	// Before the install: where the two layouts above were predicted from (the source's index or
	// .debs, with the versions and the rule; model/layout-prediction.ts). Undefined: read from what
	// is installed, or the article's assumed.
	layoutPrediction?: LayoutPrediction;
	// Debian's ZooKeeper 3.8 ships no slf4j binding and so writes no log at all; a failed start
	// would show nothing. 'needs-binding' adds slf4j-simple to its CLASSPATH.
	zookeeperLogging: 'fine' | 'needs-binding';
	// True where nothing was read: a sandbox root without os-release gets the article's machine.
	assumed: boolean;
	// Sentences for a person: what was assumed, and why.
	notes: string[];
	// The files mesos-setup's own runs wrote here that are still there (system/journal-reading.ts):
	// a full setup removes one whose settings were all emptied (master.ip set back to ''), as edit
	// does. Undefined where nothing was read (a node, the article's machine assumed): no removal.
	writtenBefore?: readonly string[];
};

// The machine the article was written on, assumed where a sandbox root says nothing.
export const articleMachine: Facts = {
	distro: 'ubuntu',
	codename: 'trusty',
	init: 'upstart',
	aptKey: 'present',
	hasApt: true,
	isRoot: true,
	versions: {},
	marathonLayout: 'conf-dir',
	agentLayout: 'slave',
	zookeeperLogging: 'fine',
	assumed: true,
	notes: [],
};

// Releases whose zookeeper package (3.8) has no slf4j binding on its CLASSPATH.
const unboundZookeeper: Record<string, string[]> = {
	debian: ['bookworm', 'trixie', 'forky', 'sid'],
	ubuntu: ['noble', 'oracular', 'plucky', 'questing'],
};

// environment: the text of /etc/zookeeper/conf/environment when ZooKeeper is installed already.
export function zookeeperLoggingFor(distro: string, codename: string, environment: string | undefined): Facts['zookeeperLogging'] {
	if (environment !== undefined) return /slf4j-(simple|log4j12|jdk14|reload4j)/.test(environment) ? 'fine' : 'needs-binding';
	return unboundZookeeper[distro]?.includes(codename) ? 'needs-binding' : 'fine';
}

const aptKeyDeprecatedFrom: Record<string, string[]> = {
	debian: ['bullseye', 'bookworm', 'trixie', 'forky', 'sid'],
	ubuntu: ['jammy', 'kinetic', 'lunar', 'mantic', 'noble', 'oracular', 'plucky', 'questing'],
};

export function aptKeyState(distro: string, codename: string, exists: boolean): Facts['aptKey'] {
	if (!exists) return 'missing';
	return aptKeyDeprecatedFrom[distro]?.includes(codename) ? 'deprecated' : 'present';
}

// Marathon moved its configuration to /etc/default/marathon in 1.5.0.
export function marathonLayoutFor(version: string | undefined): Facts['marathonLayout'] {
	if (!version) return 'conf-dir';
	const match = /^(?:\d+:)?(\d+)\.(\d+)/.exec(version);
	if (!match) return 'conf-dir';
	const [major, minor] = [Number(match[1]), Number(match[2])];
	return major > 1 || (major === 1 && minor >= 5) ? 'default-file' : 'conf-dir';
}

// What the agent's service runs (its unit or init script): `mesos-init-wrapper agent` reads the agent
// layout. Which /etc folders exist says nothing: the agent layout's package ships /etc/mesos-slave too.
export function agentLayoutFor(serviceFiles: readonly (string | undefined)[]): AgentRole {
	return serviceFiles.some(text => text !== undefined && /mesos-init-wrapper["']?\s+["']?agent\b/.test(text)) ? 'agent' : 'slave';
}
