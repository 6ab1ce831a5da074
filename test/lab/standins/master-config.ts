import {hostname} from 'node:os';
import {readMesosFlags, type Setting} from './mesos-flags.js';
import {daemonArguments} from './standin-arguments.js';
import {readMesosZkFile} from './mesos-zk-file.js';
import {checkAbsolutePath, checkHostname, checkIpv4, checkPort, checkPositiveInteger, checkUlimit, checkZookeeperUrl} from './setting-checks.js';
import type {ZookeeperUrl} from './zookeeper-url.js';

export type MasterConfig = {
	zk: ZookeeperUrl;
	ip: string;
	port: number;
	hostname: string;
	quorum: number;
	workDir: string;
	logDir: string;
	/** Every flag as the daemon received it, for /master/state. */
	flags: Record<string, string>;
};

// Flags the real mesos-master accepts that a person is likely to put in /etc/mesos-master/.
const knownFlags = new Set(['acls', 'advertise_ip', 'advertise_port', 'agent_ping_timeout', 'allocation_interval',
	'authenticate_agents', 'authenticate_frameworks', 'authenticate_http', 'cluster', 'credentials', 'hostname',
	'hostname_lookup', 'ip', 'log_dir', 'logging_level', 'max_agent_ping_timeouts', 'max_slave_ping_timeouts',
	'offer_timeout', 'port', 'quiet', 'quorum', 'registry', 'registry_fetch_timeout', 'registry_store_timeout',
	'roles', 'slave_ping_timeout', 'webui_dir', 'weights', 'work_dir', 'zk', 'zk_session_timeout']);

export function readMasterConfig(argv = daemonArguments()): MasterConfig | string[] {
	const {flags, environment, problems} = readMesosFlags('master', argv);
	const zkFile = readMesosZkFile();
	if (typeof zkFile === 'string') problems.push(zkFile);
	for (const name of flags.keys()) {
		if (!knownFlags.has(name)) problems.push(`unknown flag '--${name}' from ${flags.get(name)?.source}`);
	}
	const need = (name: string, what: string): Setting | undefined => {
		const setting = flags.get(name);
		if (!setting) problems.push(`${what} is missing`);
		return setting;
	};
	const ulimit = environment.get('ULIMIT');
	const zkSetting = need('zk', 'the ZooKeeper URL (ZK in /etc/default/mesos-master)');
	const quorum = need('quorum', '/etc/mesos-master/quorum');
	const workDir = need('work_dir', '/etc/mesos-master/work_dir');
	const port = flags.get('port') ?? {value: '5050', source: 'the default port'};
	const ip = flags.get('ip') ?? {value: '127.0.0.1', source: 'the default ip'};
	const logDir = flags.get('log_dir');
	const hostnameFlag = flags.get('hostname');
	const checks = [
		ulimit && ulimit.value !== '' ? checkUlimit(ulimit) : undefined,
		checkPort(port), checkIpv4(ip),
		quorum && checkPositiveInteger(quorum),
		workDir && checkAbsolutePath(workDir),
		logDir && checkAbsolutePath(logDir),
		hostnameFlag && checkHostname(hostnameFlag),
	];
	const zk = zkSetting ? checkZookeeperUrl(zkSetting) : undefined;
	if (typeof zk === 'string') problems.push(zk);
	problems.push(...checks.filter((problem): problem is string => typeof problem === 'string'));
	if (problems.length > 0 || !zk || typeof zk === 'string' || !quorum || !workDir) return problems;
	return {
		zk,
		ip: ip.value,
		port: Number(port.value),
		hostname: hostnameFlag?.value ?? hostname(),
		quorum: Number(quorum.value),
		workDir: workDir.value,
		logDir: logDir?.value ?? '',
		flags: Object.fromEntries([...flags].map(([name, setting]) => [name, setting.value])),
	};
}
