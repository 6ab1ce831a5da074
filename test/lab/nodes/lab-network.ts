import {execa} from 'execa';

/**
 * The lab's network: 10.77.0.0/24 on a bridge that lives in a namespace of its own (the switch),
 * one veth pair per machine, one network namespace per machine. Nothing is made in the host's
 * namespace and no namespace has a route out, so no address of the host's own network is reachable.
 * Every object is named with the lab's prefix so a later run can find and delete what a killed one left.
 */
export const labPrefix = 'mslab-';
export const switchNamespace = `${labPrefix}switch`;
export const labSubnet = {prefix: '10.77.0.', length: 24};
export const controlAddress = `${labSubnet.prefix}1`;

const bridge = 'br0';

export const namespaceOf = (machine: string) => `${labPrefix}${machine}`;
// The switch's end of a machine's cable; interface names have at most 15 characters.
const portOf = (machine: string) => `p-${machine}`;

/** Why a name or address cannot be a lab machine's, or undefined when it can. */
export function machineProblem(name: string, address: string): string | undefined {
	if (!/^[a-z][a-z0-9-]{0,11}$/.test(name) || name === 'switch') {
		return `'${name}' is not a lab machine name (a-z, 0-9 and -, at most 12, starting with a letter; not 'switch')`;
	}
	const host = address.startsWith(labSubnet.prefix) ? Number(address.slice(labSubnet.prefix.length)) : Number.NaN;
	if (!/^\d{1,3}$/.test(address.slice(labSubnet.prefix.length)) || !(host >= 2 && host <= 254)) {
		return `'${address}' is not a lab address: machines get ${labSubnet.prefix}2 to ${labSubnet.prefix}254 (${labSubnet.prefix}1 is the control machine), which exist only inside the lab's namespaces`;
	}
	return undefined;
}

const ip = async (args: string[]) => {
	await execa('ip', args, {timeout: 30_000});
};

/** The switch namespace and its bridge. */
export async function createSwitch(): Promise<void> {
	await ip(['netns', 'add', switchNamespace]);
	await ip(['-n', switchNamespace, 'link', 'add', bridge, 'type', 'bridge']);
	await ip(['-n', switchNamespace, 'link', 'set', bridge, 'up']);
}

/** A machine's network namespace, cabled to the switch, with its address and loopback up. */
export async function cableMachine(name: string, address: string): Promise<void> {
	const namespace = namespaceOf(name);
	await ip(['netns', 'add', namespace]);
	await ip(['-n', switchNamespace, 'link', 'add', portOf(name), 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace]);
	await ip(['-n', switchNamespace, 'link', 'set', portOf(name), 'master', bridge, 'up']);
	await ip(['-n', namespace, 'addr', 'add', `${address}/${labSubnet.length}`, 'dev', 'eth0']);
	await ip(['-n', namespace, 'link', 'set', 'eth0', 'up']);
	await ip(['-n', namespace, 'link', 'set', 'lo', 'up']);
}

/** Unplugs (or plugs back) a machine's cable at the switch: the "node unreachable" fault. */
export async function setCable(name: string, plugged: boolean): Promise<void> {
	await ip(['-n', switchNamespace, 'link', 'set', portOf(name), plugged ? 'up' : 'down']);
}

/** The lab's namespaces that exist now (the switch's included). */
export async function labNamespaces(): Promise<string[]> {
	const {stdout} = await execa('ip', ['netns', 'list']);
	return stdout.split('\n').map(line => line.split(' ')[0] ?? '').filter(name => name.startsWith(labPrefix));
}

/** PIDs of the processes whose network namespace is this one. */
export async function namespacePids(namespace: string): Promise<number[]> {
	const {stdout} = await execa('ip', ['netns', 'pids', namespace], {reject: false});
	return stdout.split('\n').filter(Boolean).map(Number);
}

/** Deletes a namespace; its veth end goes with it, and so does the peer in the switch. */
export async function deleteNamespace(namespace: string): Promise<void> {
	await execa('ip', ['netns', 'delete', namespace], {reject: false});
}
