import {existsSync, readFileSync} from 'node:fs';
import {checkZookeeperUrl} from './setting-checks.js';
import type {ZookeeperUrl} from './zookeeper-url.js';

export const mesosZkFile = '/etc/mesos/zk';

/** /etc/mesos/zk, "the zookeeper url for the mesos services": both daemons need it. */
export function readMesosZkFile(): ZookeeperUrl | string {
	if (!existsSync(mesosZkFile)) return `${mesosZkFile} is missing`;
	const value = readFileSync(mesosZkFile, 'utf8').replace(/\n+$/, '');
	return checkZookeeperUrl({value, source: mesosZkFile});
}
