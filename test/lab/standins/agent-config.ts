import {readMesosFlags, type Setting} from './mesos-flags.js';
import {daemonArguments, daemonName} from './standin-arguments.js';
import {readMesosZkFile} from './mesos-zk-file.js';
import {checkAbsolutePath, checkContainerizers, checkDuration, checkHostname, checkIpv4, checkMasterAddress, checkPort, checkUlimit} from './setting-checks.js';
import type {ZookeeperUrl} from './zookeeper-url.js';

export type MasterAddress = ZookeeperUrl | {host: string; port: number};

export type AgentConfig = {
	master: MasterAddress;
	ip: string;
	port: number;
	hostname: string;
	flags: Record<string, string>;
};

// Flags the real mesos-slave accepts that a person is likely to put in /etc/mesos-slave/.
const knownFlags = new Set(['attributes', 'cgroups_root', 'containerizers', 'default_role', 'docker',
	'docker_remove_delay', 'docker_socket', 'executor_registration_timeout', 'executor_shutdown_grace_period',
	'gc_delay', 'hostname', 'hostname_lookup', 'ip', 'isolation', 'launcher', 'log_dir', 'logging_level', 'master',
	'port', 'resources', 'switch_user', 'systemd_enable_support', 'work_dir']);

// The files the article writes; the lab refuses to start without them to catch a missed write.
// Mesos 1.x (the agent layout's packages) has no default work directory: the real agent refuses to
// start without --work_dir, and those packages ship it only as /etc/mesos-slave/work_dir, which
// their own wrapper never reads.
const requiredFiles: Record<'slave' | 'agent', string[]> = {
	slave: ['ip', 'hostname', 'containerizers', 'executor_registration_timeout'],
	agent: ['ip', 'hostname', 'containerizers', 'executor_registration_timeout', 'work_dir'],
};

/** The agent's configuration from its command line; `role` is the layout its wrapper read (mesos-slave or mesos-agent). */
export function readAgentConfig(
	role: 'slave' | 'agent' = daemonName === 'mesos-agent' ? 'agent' : 'slave', argv = daemonArguments(),
): AgentConfig | string[] {
	const {flags, environment, problems} = readMesosFlags(role, argv);
	const zkFile = readMesosZkFile();
	if (typeof zkFile === 'string') problems.push(zkFile);
	for (const [name, setting] of flags) {
		if (!knownFlags.has(name)) problems.push(`unknown flag '--${name}' from ${setting.source}`);
	}
	for (const name of requiredFiles[role]) {
		if (!flags.has(name)) problems.push(`/etc/mesos-${role}/${name} is missing`);
	}
	const masterSetting = flags.get('master');
	if (!masterSetting) problems.push(`the master (MASTER in /etc/default/mesos-${role}) is missing`);
	const ulimit = environment.get('ULIMIT');
	const ip = flags.get('ip') ?? {value: '127.0.0.1', source: 'the default ip'};
	const port = flags.get('port') ?? {value: '5051', source: 'the default port'};
	const hostname = flags.get('hostname');
	const optional = (name: string, check: (setting: Setting) => string | undefined) => {
		const setting = flags.get(name);
		return setting && check(setting);
	};
	const master = masterSetting && checkMasterAddress(masterSetting);
	if (typeof master === 'string') problems.push(master);
	const checks = [
		ulimit && ulimit.value !== '' ? checkUlimit(ulimit) : undefined,
		checkIpv4(ip), checkPort(port),
		optional('hostname', checkHostname),
		optional('containerizers', checkContainerizers),
		optional('executor_registration_timeout', checkDuration),
		optional('log_dir', checkAbsolutePath),
		optional('work_dir', checkAbsolutePath),
	];
	problems.push(...checks.filter((problem): problem is string => typeof problem === 'string'));
	if (problems.length > 0 || !master || typeof master === 'string' || !hostname) return problems;
	return {
		master,
		ip: ip.value,
		port: Number(port.value),
		hostname: hostname.value,
		flags: Object.fromEntries([...flags].map(([name, setting]) => [name, setting.value])),
	};
}
