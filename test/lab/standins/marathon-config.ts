import {existsSync, readFileSync} from 'node:fs';
import {attributeSources, parseMarathonArguments, settingsByName, type FoundFlag} from './command-line.js';
import {marathonTokens, readFlagDirectory} from './flag-directory.js';
import {defaultListenAddress} from './lab-node.js';
import {mesosZkFile} from './mesos-zk-file.js';
import {checkHostname, checkMasterAddress, checkPort, checkZookeeperUrl} from './setting-checks.js';
import {sourceEnvFiles} from './shell-env-files.js';
import {daemonArguments} from './standin-arguments.js';
import type {MasterAddress} from './agent-config.js';
import type {ZookeeperUrl} from './zookeeper-url.js';

export const marathonConfDirectory = '/etc/marathon/conf';
export const marathonDefaultsFile = '/etc/default/marathon';

export type MarathonConfig = {
	master: MasterAddress;
	zk: ZookeeperUrl;
	hostname: string;
	httpAddress: string;
	httpPort: number;
	frameworkName: string;
	flags: Record<string, string>;
};

// Options the real Marathon accepts that a person is likely to set; it refuses unknown ones.
const knownFlags = new Set(['checkpoint', 'disable_http', 'event_subscriber', 'failover_timeout', 'framework_name',
	'hostname', 'http_address', 'http_port', 'https_port', 'leader_proxy_connection_timeout', 'local_port_max',
	'local_port_min', 'master', 'mesos_role', 'mesos_user', 'task_launch_timeout', 'webui_url', 'zk',
	'zk_session_timeout', 'zk_timeout']);

const requiredOptions = ['hostname', 'master', 'zk'];

/**
 * Marathon 1.5 changed its packaging: it reads only /etc/default/marathon (MARATHON_<OPTION>
 * variables) and no longer /etc/marathon/conf, nor takes master and zk from /etc/mesos/zk.
 */
export const readsOnlyDefaultsFile = (version: string): boolean => {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	return major > 1 || (major === 1 && minor >= 5);
};

/**
 * What the article-era start script (/usr/bin/marathon) puts on the command line: one option per
 * file in /etc/marathon/conf, then --zk and --master from /etc/mesos/zk when no file gave them.
 */
function startScriptOptions(): FoundFlag[] {
	const files = readFlagDirectory(marathonConfDirectory);
	const found: FoundFlag[] = files.flatMap(file => {
		const [parsed] = parseMarathonArguments(marathonTokens(file)).args;
		return parsed ? [{...parsed, source: file.source}] : [];
	});
	const zk = existsSync(mesosZkFile) ? readFileSync(mesosZkFile, 'utf8').replace(/\n+$/, '') : '';
	if (zk !== '') {
		const source = `${mesosZkFile} (the start script's default)`;
		found.push({name: 'zk', value: `${zk.split('/').slice(0, 3).join('/')}/marathon`, source});
		found.push({name: 'master', value: zk, source});
	}
	return found;
}

/** MARATHON_<OPTION> variables, which Marathon reads itself; the command line wins over them. */
function environmentOptions(environment: NodeJS.ProcessEnv): FoundFlag[] {
	const fromFile = sourceEnvFiles([marathonDefaultsFile])[0];
	return Object.entries(environment).flatMap(([key, value]) => {
		if (!key.startsWith('MARATHON_') || key.startsWith('MARATHON_APP') || value === undefined) return [];
		const inFile = fromFile?.variables.get(key) === value;
		return [{name: key.slice('MARATHON_'.length).toLowerCase(), value, source: `${key} in ${inFile ? marathonDefaultsFile : 'the environment'}`}];
	});
}

export function readMarathonConfig(version: string, argv = daemonArguments(), environment = process.env): MarathonConfig | string[] {
	const onlyDefaults = readsOnlyDefaultsFile(version);
	const commandLine = parseMarathonArguments(argv);
	const problems = [...commandLine.problems];
	const fromEnvironment = environmentOptions(environment);
	const candidates = onlyDefaults ? fromEnvironment : [...startScriptOptions(), ...fromEnvironment];
	const flags = settingsByName(attributeSources(commandLine.args, candidates), problems);
	for (const option of fromEnvironment) if (!flags.has(option.name)) flags.set(option.name, option);
	for (const [name, flag] of flags) {
		if (!knownFlags.has(name)) problems.push(`unknown option '--${name}' from ${flag.source}`);
	}
	// The files (or variables) the article and mesos-setup write; missing means a write was missed.
	for (const name of requiredOptions) {
		if (onlyDefaults && !flags.has(name)) problems.push(`MARATHON_${name.toUpperCase()} is not set in ${marathonDefaultsFile}`);
		if (!onlyDefaults && !flags.get(name)?.source.startsWith(`${marathonConfDirectory}/`)) problems.push(`${marathonConfDirectory}/${name} is missing`);
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
