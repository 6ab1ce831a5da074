import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import type {LabMachine} from './lab-machine.js';

/** The user other than root on every node, with passwordless sudo (the `sudo -n` path). */
export const adminUser = 'admin';

/** Where the control machine keeps the lab's SSH identity and the nodes' host keys (its root's defaults). */
export const controlSsh = {identity: '/root/.ssh/id_ed25519', knownHosts: '/root/.ssh/known_hosts'};

/** An ed25519 key pair made by ssh-keygen: the private key's file and the public key's line. */
export type KeyPair = {privateKeyFile: string; publicKey: string};

export async function makeKeyPair(file: string, comment: string): Promise<KeyPair> {
	await mkdir(path.dirname(file), {recursive: true});
	await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
	return {privateKeyFile: file, publicKey: (await readFile(`${file}.pub`, 'utf8')).trim()};
}

/** The known_hosts line for a node: its name and address, and the public half of its host key. */
export const knownHostsLine = (node: {name: string; address: string}, hostKey: string) =>
	`${node.name},${node.address} ${hostKey.split(' ').slice(0, 2).join(' ')}\n`;

/**
 * Makes a node an SSH server as a real machine is: its own host key (not the copy of the host's the
 * overlay shows), the lab's key authorized for root and for the admin user, who has passwordless
 * sudo, and Debian's sshd started by the node's init system.
 */
export async function startSshServer(node: LabMachine, hostKey: KeyPair, clientKey: string): Promise<void> {
	await node.run('rm -f /etc/ssh/ssh_host_*');
	await node.writeFile('/etc/ssh/ssh_host_ed25519_key', await readFile(hostKey.privateKeyFile, 'utf8'), 0o600);
	await node.writeFile('/etc/ssh/ssh_host_ed25519_key.pub', `${hostKey.publicKey}\n`);
	await node.writeFile('/etc/ssh/sshd_config.d/mesos-setup-lab.conf',
		'# mesos-setup lab: this node\'s own host key; keys only\nHostKey /etc/ssh/ssh_host_ed25519_key\nPasswordAuthentication no\n');
	await node.writeFile(`/etc/sudoers.d/mesos-setup-lab-${adminUser}`, `${adminUser} ALL=(ALL) NOPASSWD:ALL\n`, 0o440);
	await node.run(['bash', '-c', `set -e
mkdir -p -m 700 /root/.ssh
printf '%s\\n' "$1" >/root/.ssh/authorized_keys
id -u ${adminUser} >/dev/null 2>&1 || useradd --create-home --shell /bin/bash ${adminUser}
install -d -m 700 -o ${adminUser} -g ${adminUser} /home/${adminUser}/.ssh
install -m 600 -o ${adminUser} -g ${adminUser} /root/.ssh/authorized_keys /home/${adminUser}/.ssh/authorized_keys
visudo -cq`, 'lab', clientKey]);
	await node.run(node.init === 'systemd' ? ['systemctl', 'start', 'ssh'] : ['service', 'ssh', 'start']);
}
