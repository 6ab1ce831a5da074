import {standinVersion} from './standin-arguments.js';

/** MasterInfo as the real master writes it, as JSON, into its `json.info_<seq>` znode. */
export type MasterInfo = {
	address: {hostname: string; ip: string; port: number};
	hostname: string;
	id: string;
	/** The IPv4 address as a number in network byte order, as Mesos stores it. */
	ip: number;
	pid: string;
	port: number;
	version: string;
};

export const mesosVersion = standinVersion('1.4.3');
export const masterInfoPrefix = 'json.info_';

export function masterInfo(options: {id: string; ip: string; port: number; hostname: string}): MasterInfo {
	const octets = options.ip.split('.').map(Number);
	return {
		address: {hostname: options.hostname, ip: options.ip, port: options.port},
		hostname: options.hostname,
		id: options.id,
		ip: Buffer.from(octets).readUInt32LE(0),
		pid: `master@${options.ip}:${options.port}`,
		port: options.port,
		version: mesosVersion,
	};
}

/** The leading master is the one whose znode has the lowest sequence number. */
export function leadingChild(children: string[], prefix: string): string | undefined {
	return children.filter(child => child.startsWith(prefix)).sort((a, b) =>
		Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))[0];
}
