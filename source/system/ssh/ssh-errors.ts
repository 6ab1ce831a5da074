// What ssh's failures mean for a person: the node named as the cluster file names it, the problem
// (an unknown or changed host key, a refused login, a node not reached) and what to do next.
import {StepError} from '../../model/errors.js';

export type SshEndpoint = {name: string; address: string; user?: string; port?: number; identity?: string};

export type SshProblem = 'unknown-host-key' | 'changed-host-key' | 'unreachable' | 'login-refused' | 'failed';

export class SshError extends StepError {
	constructor(
		readonly node: string,
		readonly problem: SshProblem,
		message: string,
		detail: string[] = [],
	) {
		super(message, detail);
		this.name = 'SshError';
	}
}

export const describeEndpoint = (endpoint: SshEndpoint): string => `${endpoint.name} (${endpoint.user ? `${endpoint.user}@` : ''}${endpoint.address}${endpoint.port && endpoint.port !== 22 ? `:${endpoint.port}` : ''})`;

// What ssh's last words on standard error mean, for a person.
export function sshProblemOf(stderr: string): {problem: SshProblem; reason: string} {
	const lines = stderr.split('\n').map(line => line.trim()).filter(line => line && !/^@+$/.test(line));
	const reason = lines.filter(line => !/^(Host key verification failed|Pseudo-terminal)/.test(line)).at(-1) ?? lines.at(-1) ?? 'ssh gave no reason';
	if (/REMOTE HOST IDENTIFICATION HAS CHANGED|has changed and you have requested strict checking/.test(stderr)) return {problem: 'changed-host-key', reason};
	if (/host key is known for|Host key verification failed/.test(stderr)) return {problem: 'unknown-host-key', reason};
	if (/Permission denied|Too many authentication failures/.test(stderr)) return {problem: 'login-refused', reason};
	if (/Connection refused|timed out|No route to host|Network is unreachable|Could not resolve|Connection closed|Connection reset|Name or service not known/.test(stderr)) {
		return {problem: 'unreachable', reason};
	}
	return {problem: 'failed', reason};
}

export function sshErrorFor(endpoint: SshEndpoint, stderr: string): SshError {
	const {problem, reason} = sshProblemOf(stderr);
	const who = describeEndpoint(endpoint);
	switch (problem) {
		case 'unreachable':
			return new SshError(endpoint.name, problem, `${who} cannot be reached over SSH: ${reason}`, [
				`Check that the machine is up, that its address in the cluster file is right, and that sshd listens on port ${endpoint.port ?? 22} there.`,
			]);
		case 'login-refused':
			return new SshError(endpoint.name, problem, `${who} refused the SSH login: ${reason}`, [
				'mesos-setup logs in with keys only, never a password: load the key into ssh-agent or give ssh.identity in the cluster file, and put its public half in ~/.ssh/authorized_keys of that user on the machine.',
			]);
		case 'changed-host-key':
			return new SshError(endpoint.name, problem, `the SSH host key of ${who} is not the one this machine knows, so nothing was sent to it: ${reason}`, [
				'Someone may be in between, or the machine was reinstalled. Ask its administrator; if the new key is right, remove the old one (ssh-keygen -R, as ssh says above) and run again.',
			]);
		case 'unknown-host-key':
			return new SshError(endpoint.name, problem, `the SSH host key of ${who} is not known on this machine, so nothing was sent to it`, [
				'Run the cluster setup in a terminal to see its fingerprint and accept it, or add it to ~/.ssh/known_hosts yourself after checking it.',
			]);
		case 'failed':
			return new SshError(endpoint.name, problem, `ssh to ${who} failed: ${reason}`);
	}
}
