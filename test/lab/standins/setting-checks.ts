import {spawnSync} from 'node:child_process';
import {isIPv4} from 'node:net';
import {parseZookeeperUrl, type ZookeeperUrl} from './zookeeper-url.js';
import type {Setting} from './mesos-flags.js';

/** Each check returns nothing when the value is good, or a sentence naming file, value and rule. */
type Check = (setting: Setting) => string | undefined;

const holds = (setting: Setting, reason: string) => `${setting.source} holds '${setting.value}': ${reason}`;

export const checkPort: Check = s =>
	/^\d+$/.test(s.value) && Number(s.value) >= 1 && Number(s.value) <= 65_535
		? undefined : holds(s, 'not a port number (1-65535)');

export const checkIpv4: Check = s => isIPv4(s.value) ? undefined : holds(s, 'not an IPv4 address');

export const checkHostname: Check = s =>
	/^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/.test(s.value) ? undefined : holds(s, 'not a hostname or IP address');

export const checkAbsolutePath: Check = s => s.value.startsWith('/') ? undefined : holds(s, 'not an absolute path');

export const checkPositiveInteger: Check = s =>
	/^[1-9]\d*$/.test(s.value) ? undefined : holds(s, 'not a whole number of 1 or more');

// Mesos durations: a number and one of these units, nothing between them.
export const checkDuration: Check = s =>
	/^\d+(\.\d+)?(ns|us|ms|secs|mins|hrs|days|weeks)$/.test(s.value)
		? undefined : holds(s, 'not a Mesos duration like 5mins (units: ns us ms secs mins hrs days weeks)');

export const checkUlimit: Check = s => {
	// stdin must not be a socket, or bash takes itself for an rsh child and reads ~/.bashrc.
	const result = spawnSync('bash', ['--norc', '--noprofile', '-c', 'ulimit $ULIMIT', 'bash'], {
		env: {ULIMIT: s.value}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
	});
	const reason = result.stderr.trim().split('\n').at(-1)?.replace(/^bash: line \d+: /, '');
	return result.status === 0 ? undefined : holds(s, `bash's ulimit rejects it (${reason})`);
};

export const checkContainerizers: Check = s => {
	const unknown = s.value.split(',').filter(name => name !== 'mesos' && name !== 'docker');
	if (s.value === '' || unknown.length > 0) return holds(s, 'not a list of containerizers (mesos, docker)');
	// The real agent exits when the docker containerizer cannot run `docker version`.
	if (s.value.split(',').includes('docker') && spawnSync('docker', ['version']).status !== 0) {
		return holds(s, 'the docker containerizer needs a working docker, and `docker version` failed');
	}
	return undefined;
};

export function checkZookeeperUrl(setting: Setting): ZookeeperUrl | string {
	const url = parseZookeeperUrl(setting.value);
	return typeof url === 'string' ? holds(setting, url) : url;
}

/** A master address: a ZooKeeper URL, or host:port of one master. */
export function checkMasterAddress(setting: Setting): ZookeeperUrl | {host: string; port: number} | string {
	if (setting.value.startsWith('zk://')) return checkZookeeperUrl(setting);
	const match = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(setting.value);
	if (!match) return holds(setting, 'neither a zk:// URL nor host:port');
	return {host: match[1] ?? '', port: Number(match[2])};
}
