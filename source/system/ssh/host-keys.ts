// A node whose SSH host key this machine does not know yet: its key is fetched, shown with its
// fingerprint, and written to known_hosts only once a person accepted it. Never a disabled check.
//
// The key is fetched by ssh itself (not ssh-keyscan), so ~/.ssh/config applies as it will for the
// real connection (ProxyJump, HostKeyAlias, the port): into a throwaway known_hosts, with
// StrictHostKeyChecking=accept-new and no way to log in (PreferredAuthentications=none), so
// nothing is sent to, and nothing runs on, a machine that is not trusted yet.
import {appendFile, mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import type {HostKey} from '../../model/cluster-events.js';
import {errorMessage} from '../../model/errors.js';
import {describeEndpoint, type SshEndpoint, SshError, type SshSession} from './ssh-session.js';

export type {HostKey};

// What known_hosts would get, and what a person is shown.
export type FetchedHostKeys = {node: string; keys: HostKey[]; knownHostsLines: string};

export async function fetchHostKeys(session: SshSession, socketDir: string): Promise<FetchedHostKeys> {
	const {endpoint} = session;
	const candidate = path.join(socketDir, `${endpoint.name}.known_hosts`);
	const options = session.options([
		...['-o', 'StrictHostKeyChecking=accept-new', '-o', `UserKnownHostsFile=${candidate}`, '-o', 'GlobalKnownHostsFile=/dev/null'],
		...['-o', 'PreferredAuthentications=none', '-o', 'ControlMaster=no', '-o', 'ControlPath=none', '-o', 'ForwardAgent=no', '-o', 'ClearAllForwardings=yes'],
	]);
	const tried = await execa('ssh', [...options, 'true'], {reject: false, stdin: 'ignore', timeout: 60_000});
	const lines = await readFile(candidate, 'utf8').catch(() => '');
	if (!lines.trim()) {
		throw new SshError(endpoint.name, 'unreachable', `the SSH host key of ${describeEndpoint(endpoint)} could not be fetched: ${String(tried.stderr).trim().split('\n').at(-1) ?? 'no answer'}`);
	}
	const listed = await execa('ssh-keygen', ['-l', '-f', candidate], {reject: false, stdin: 'ignore'});
	const keys = String(listed.stdout)
		.split('\n')
		.map(line => /^\d+ (\S+) .*\((\S+)\)$/.exec(line.trim()))
		.filter(match => match !== null)
		.map(match => ({fingerprint: match[1] ?? '', type: match[2] ?? ''}));
	return {node: endpoint.name, keys, knownHostsLines: lines.endsWith('\n') ? lines : `${lines}\n`};
}

// Where ssh reads and writes this person's known hosts for this node: ssh -G says, after
// ~/.ssh/config and the options of the session.
export async function userKnownHostsFile(session: SshSession): Promise<string> {
	const resolved = await execa('ssh', ['-G', ...session.options()], {reject: false, stdin: 'ignore'});
	const line = String(resolved.stdout)
		.split('\n')
		.find(each => each.startsWith('userknownhostsfile '));
	const file = line?.split(' ')[1];
	if (!file) throw new Error(`ssh -G did not say where the known hosts of ${session.endpoint.name} are kept`);
	return file;
}

// Adds the keys a person accepted (exactly the lines fetched and shown) to their known_hosts.
export async function acceptHostKeys(session: SshSession, fetched: FetchedHostKeys): Promise<string> {
	const file = await userKnownHostsFile(session);
	try {
		await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
		const before = await readFile(file, 'utf8').catch(() => '');
		await appendFile(file, `${before && !before.endsWith('\n') ? '\n' : ''}${fetched.knownHostsLines}`, {mode: 0o600});
	} catch (error) {
		throw new Error(`could not add the host key of ${session.endpoint.name} to ${file}: ${errorMessage(error)}`);
	}
	return file;
}

export const describeHostKeys = (fetched: FetchedHostKeys): string => fetched.keys.map(key => `${key.type} key ${key.fingerprint}`).join(', ');

export type {SshEndpoint};
