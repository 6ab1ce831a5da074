import {readFlagDirectory} from './flag-directory.js';
import {defaultListenAddress} from './lab-node.js';
import {checkHostname, checkMasterAddress, checkPort, checkZookeeperUrl} from './setting-checks.js';
import type {MasterAddress} from './agent-config.js';
import type {ZookeeperUrl} from './zookeeper-url.js';

export const marathonConfDirectory = '/etc/marathon/conf';

export type MarathonConfig = {
	master: MasterAddress;
	zk: ZookeeperUrl;
	hostname: string;
	httpAddress: string;
	httpPort: number;
	frameworkName: string;
	flags: Record<string, string>;
};

// Options the real Marathon (1.4, which reads /etc/marathon/conf) accepts; it refuses unknown ones.
const knownFlags = new Set(['checkpoint', 'disable_http', 'event_subscriber', 'failover_timeout', 'framework_name',
	'hostname', 'http_address', 'http_port', 'https_port', 'leader_proxy_connection_timeout', 'local_port_max',
	'local_port_min', 'master', 'mesos_role', 'mesos_user', 'task_launch_timeout', 'webui_url', 'zk',
	'zk_session_timeout', 'zk_timeout']);

const requiredFiles = ['hostname', 'master', 'zk'];

export function readMarathonConfig(): MarathonConfig | string[] {
	const problems: string[] = [];
	const flags = new Map(readFlagDirectory(marathonConfDirectory).map(flag => [flag.name, flag]));
	for (const [name, flag] of flags) {
		if (!knownFlags.has(name)) problems.push(`unknown option '--${name}' from ${flag.source}`);
	}
	for (const name of requiredFiles) {
		if (!flags.has(name)) problems.push(`${marathonConfDirectory}/${name} is missing`);
	}
	const hostname = flags.get('hostname');
	const masterFlag = flags.get('master');
	const zkFlag = flags.get('zk');
	const port = flags.get('http_port') ?? {value: '8080', source: 'the default http_port'};
	const master = masterFlag && checkMasterAddress(masterFlag);
	const zk = zkFlag && checkZookeeperUrl(zkFlag);
	const checks = [hostname && checkHostname(hostname), checkPort(port), master, zk];
	problems.push(...checks.filter((problem): problem is string => typeof problem === 'string'));
	if (problems.length > 0 || !hostname || !master || !zk || typeof master === 'string' || typeof zk === 'string') {
		return problems;
	}
	return {
		master,
		zk,
		hostname: hostname.value,
		httpAddress: flags.get('http_address')?.value ?? defaultListenAddress(),
		httpPort: Number(port.value),
		frameworkName: flags.get('framework_name')?.value ?? 'marathon',
		flags: Object.fromEntries([...flags].map(([name, flag]) => [name, flag.value])),
	};
}
