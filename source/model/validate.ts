// Validators for the values a person types. Each returns the value as it will be stored
// (normalised) or a message that names what is allowed; the caller adds the setting and value.
import {dataDirForbidden} from './files.js';

export type Checked = {ok: true; value: string} | {ok: false; allowed: string};

const ok = (value: string): Checked => ({ok: true, value});
const no = (allowed: string): Checked => ({ok: false, allowed});

export type Validator = (raw: string) => Checked;

function wholeNumber(raw: string): number | undefined {
	return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

export const integerIn =
	(min: number, max: number): Validator =>
	raw => {
		const n = wholeNumber(raw.trim());
		return n !== undefined && n >= min && n <= max ? ok(String(n)) : no(`a whole number from ${min} to ${max}`);
	};

export const port: Validator = raw => {
	const n = wholeNumber(raw.trim());
	return n !== undefined && n >= 1 && n <= 65_535 ? ok(String(n)) : no('a port number from 1 to 65535');
};

export function isIpv4(raw: string): boolean {
	const parts = raw.split('.');
	return parts.length === 4 && parts.every(p => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export const ipv4: Validator = raw =>
	isIpv4(raw.trim()) ? ok(raw.trim()) : no('an IPv4 address such as 127.0.0.1 (four numbers from 0 to 255)');

// RFC 1123 host names: letters, digits and hyphens in dot-separated labels of at most 63
// characters, 253 in all. A name of digits and dots only would be read as an address (inet_aton
// reads 999.999.999.999 and 12345 too), so it must be a valid IPv4 address instead.
export function isHostname(raw: string): boolean {
	if (raw.length === 0 || raw.length > 253 || /^[0-9.]+$/.test(raw)) return false;
	return raw.split('.').every(label => /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(label));
}

export const hostname: Validator = raw => {
	// Only surrounding blanks are forgiven; a line break anywhere would end up inside the file.
	const value = raw.replace(/^ +| +$/g, '');
	if (/\s/.test(value)) return no('a host name or IPv4 address, without spaces or line breaks');
	return isIpv4(value) || isHostname(value)
		? ok(value)
		: no('a host name (RFC 1123: letters, digits and hyphens in dot-separated parts; digits and dots alone must be an IPv4 address) or an IPv4 address such as 127.0.0.1');
};

function isHostPort(raw: string): boolean {
	const match = /^([^:]+):(\d+)$/.exec(raw);
	if (!match) return false;
	const [, host = '', portText = ''] = match;
	return (isIpv4(host) || isHostname(host)) && port(portText).ok;
}

// A znode path by ZooKeeper's own rules (PathUtils.validatePath: starts with /, no empty, . or ..
// part, no trailing /), in the characters that are safe in a shell environment file and a script:
// letters, digits, . _ and -. ZooKeeper would take $(reboot) or a quote; /etc/default files are
// read by a shell, so they are refused here.
export function isZnodePath(path: string): boolean {
	if (!path.startsWith('/') || path === '/' || path.endsWith('/')) return false;
	return path
		.slice(1)
		.split('/')
		.every(part => part !== '' && part !== '.' && part !== '..' && /^[A-Za-z0-9._-]+$/.test(part));
}

export const zkUrl: Validator = raw => {
	const value = raw.trim();
	const allowed =
		'a ZooKeeper URL zk://host:port[,host:port…]/path, such as zk://127.0.0.1:2181/mesos (ports 1–65535; the path by ZooKeeper’s rules: /-separated names of letters, digits, . _ and -, no empty, . or .. name, no / at the end)';
	const match = /^zk:\/\/([^/\s]+)(\/.*)$/.exec(value);
	if (!match) return no(allowed);
	const [, hosts = '', path = ''] = match;
	return hosts.split(',').every(isHostPort) && isZnodePath(path) ? ok(value) : no(allowed);
};

// Paths end up in /etc files and in `plan --script`: letters, digits and . _ - + @ only, within
// the kernel's limits (4095 characters, 255 in one name).
const pathAllowed = 'an absolute path such as /var/lib/mesos (starting with /; letters, digits and . _ - + @; no ..; at most 4095 characters, 255 in one name)';
function checkedPath(raw: string): string | undefined {
	const value = raw.trim();
	if (!/^\/[A-Za-z0-9._+@/-]*$/.test(value) || value.length > 4095) return undefined;
	const parts = value.split('/');
	if (parts.includes('..') || parts.some(part => part.length > 255)) return undefined;
	return value.length > 1 ? value.replace(/\/+$/, '') : value;
}

export const absolutePath: Validator = raw => {
	const value = checkedPath(raw);
	return value === undefined ? no(pathAllowed) : ok(value);
};

// ZooKeeper's data folder gets a myid file written into it, so it may not be / nor inside a folder
// that holds other things' files: /etc (daemon flag files), mesos-setup's own folders, or the
// kernel's. Whether a file stands there is checked against the machine (system/target-check.ts).

export const zookeeperDataDir: Validator = raw => {
	const value = checkedPath(raw);
	const allowed = `an absolute path to a folder of its own, such as /var/lib/zookeeper (letters, digits and . _ - + @; no ..; at most 4095 characters, 255 in one name), not / and not inside ${dataDirForbidden.join(', ')}`;
	if (value === undefined || value === '/') return no(allowed);
	// /etc/./x and //etc name /etc too.
	const normal = `/${value.split('/').filter(part => part !== '' && part !== '.').join('/')}`;
	return normal === '/' || dataDirForbidden.some(dir => normal === dir || normal.startsWith(`${dir}/`)) ? no(allowed) : ok(value);
};

// Mesos parses durations as a number and one of these units; `5m` is refused by the daemon.
const durationUnits = ['ns', 'us', 'ms', 'secs', 'mins', 'hrs', 'days', 'weeks'];
export const mesosDuration: Validator = raw => {
	const value = raw.trim();
	const match = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(value);
	return match && durationUnits.includes(match[2] ?? '')
		? ok(value)
		: no(`a number and a unit, one of ${durationUnits.join(' ')} (such as 5mins)`);
};

export const containerizers: Validator = raw => {
	const parts = raw
		.split(',')
		.map(p => p.trim())
		.filter(Boolean);
	const allowed = 'mesos, docker,mesos or docker (a comma-separated list of mesos and docker)';
	if (parts.length === 0 || new Set(parts).size !== parts.length) return no(allowed);
	return parts.every(p => p === 'mesos' || p === 'docker') ? ok(parts.join(',')) : no(allowed);
};

export const ulimit: Validator = raw => {
	const value = raw.trim().replace(/^"(.*)"$/, '$1');
	return /^-[a-zA-Z] (\d+|unlimited)$/.test(value) ? ok(value) : no('a ulimit option and number, such as -n 8192');
};

// `1=127.0.0.1:2888:3888,2=10.0.0.2:2888:3888`: one entry per ZooKeeper server (server.N in zoo.cfg).
export type ZkServer = {id: number; host: string; peerPort: number; electionPort: number};

export function parseServers(raw: string): ZkServer[] | undefined {
	const entries = raw
		.split(/[,\n]/)
		.map(e => e.trim().replace(/^server\./, ''))
		.filter(Boolean);
	const servers: ZkServer[] = [];
	for (const entry of entries) {
		const match = /^(\d+)=([^:\s]+):(\d+):(\d+)$/.exec(entry);
		if (!match) return undefined;
		const [, id = '', host = '', peer = '', election = ''] = match;
		const server = {id: Number(id), host, peerPort: Number(peer), electionPort: Number(election)};
		if (server.id < 1 || server.id > 255 || !(isIpv4(host) || isHostname(host))) return undefined;
		if (!port(peer).ok || !port(election).ok) return undefined;
		servers.push(server);
	}
	if (servers.length === 0 || new Set(servers.map(s => s.id)).size !== servers.length) return undefined;
	return servers;
}

export const formatServers = (servers: ZkServer[]): string =>
	servers.map(s => `${s.id}=${s.host}:${s.peerPort}:${s.electionPort}`).join(',');

export const zkServers: Validator = raw => {
	const servers = parseServers(raw);
	return servers
		? ok(formatServers(servers))
		: no('one or more N=host:2888:3888 separated by commas, N from 1 to 255 and each N once (such as 1=127.0.0.1:2888:3888)');
};

// The host and port of a URL: a host name or IPv4 address, and a port from 1 to 65535 if given.
function urlHostOk(host: string, portText: string | undefined): boolean {
	return (isIpv4(host) || isHostname(host)) && (portText === undefined || port(portText).ok);
}

// Only the characters a plain URL needs: a value with quotes or $ would end up in a shell script.
export const httpUrl: Validator = raw => {
	const value = raw.trim().replace(/\/+$/, '');
	const match = /^https?:\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[A-Za-z0-9._~%+/-]*)?$/.exec(value);
	return match && urlHostOk(match[1] ?? '', match[2])
		? ok(value)
		: no('an http:// or https:// URL such as http://repos.mesosphere.io (a host name or IPv4 address, a port from 1 to 65535 if any; letters, digits and . _ ~ % + - / only)');
};

export const keyserver: Validator = raw => {
	const value = raw.trim().replace(/\/+$/, '');
	const match = /^(?:hkps?|https?):\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
	if (match) return urlHostOk(match[1] ?? '', match[2]) ? ok(value) : no('a key server URL with a valid host and a port from 1 to 65535, such as hkp://127.0.0.1:11371');
	return isHostname(value) || isIpv4(value) ? ok(value) : no('a key server host name or URL, such as keyserver.ubuntu.com or hkp://127.0.0.1:11371');
};

// A full fingerprint, not a short id: short ids collide, and the key must be checked after import.
export const fingerprint: Validator = raw => {
	const value = raw.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
	return /^[0-9A-F]{40}$/.test(value) ? ok(value) : no('a full key fingerprint of 40 hexadecimal digits');
};

export const oneOf =
	(choices: readonly string[]): Validator =>
	raw =>
		choices.includes(raw.trim()) ? ok(raw.trim()) : no(`one of ${choices.join(', ')}`);

// An installer setting that may be left empty (its help says what empty means).
export const emptyOr =
	(validate: Validator, meaning: string): Validator =>
	raw => {
		if (raw.trim() === '') return ok('');
		const checked = validate(raw);
		return checked.ok ? checked : no(`${checked.allowed}, or nothing (${meaning})`);
	};

export const httpsUrl: Validator = raw => {
	const checked = httpUrl(raw);
	return checked.ok && checked.value.startsWith('https://') ? checked : no('an https:// URL such as https://example.org/archive-key.asc (a host name or IPv4 address; letters, digits and . _ ~ % + - / only)');
};

// apt's suite (a codename such as bookworm, or stable) and component (main): one word each.
export const aptWord =
	(example: string): Validator =>
	raw => {
		const value = raw.trim();
		return /^[A-Za-z0-9][A-Za-z0-9._+/-]{0,99}$/.test(value) && !value.split('/').includes('..') ? ok(value) : no(`one word of letters, digits and . _ + - / such as ${example}`);
	};
