// Detection: what the target machine is. The real machine is asked (lsb_release, dpkg-query);
// a sandbox root is only read, and where it says nothing the article's machine is assumed.
import {agentLayoutFor, aptKeyState, articleMachine, type Facts, type InitSystem, marathonLayoutFor, zookeeperLoggingFor} from '../model/facts.js';
import {agentServiceFiles} from '../model/files.js';
import type {CommandRunner} from './runner.js';
import type {TargetFiles, TargetFs} from './target-fs.js';

export function parseOsRelease(text: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
		if (match) fields[match[1] ?? ''] = (match[2] ?? '').replace(/^["']|["']$/g, '');
	}
	return fields;
}

const debianFamily = (fields: Record<string, string>): boolean =>
	['debian', 'ubuntu'].includes(fields.ID ?? '') || /\b(debian|ubuntu)\b/.test(fields.ID_LIKE ?? '');

// Upstart ran Ubuntu until 15.04; Debian never shipped it as default.
const upstartCodenames = ['lucid', 'precise', 'trusty', 'utopic'];

function initFromRelease(distro: string, codename: string): InitSystem {
	if (distro === 'ubuntu' && upstartCodenames.includes(codename)) return 'upstart';
	if (distro === 'debian' && ['squeeze', 'wheezy'].includes(codename)) return 'sysv';
	return 'systemd';
}

// What the machine runs as its init, from what its files show (on a node, read over SSH).
async function realInit(fs: TargetFiles): Promise<InitSystem> {
	if (await fs.exists('/run/systemd/system')) return 'systemd';
	if ((await fs.exists('/sbin/initctl')) && (await fs.exists('/etc/init'))) return 'upstart';
	return 'sysv';
}

const detectedPackages = ['zookeeper', 'mesos', 'marathon'] as const;

// The versions dpkg records as installed, one dpkg-query for all of them (on a cluster node each
// was a subshell, a timeout and a dpkg-query more). A package dpkg does not know is left out:
// dpkg-query says so on stderr and exits 1, after the lines of the others.
async function packageVersions(runner: CommandRunner): Promise<Facts['versions']> {
	const result = await runner.run(['dpkg-query', '-W', '-f=${Package} ${Status} ${Version}\n', ...detectedPackages], {timeoutMs: 10_000});
	const versions: Facts['versions'] = {};
	for (const line of result.stdout.split('\n')) {
		const [, name, version] = /^(\S+) install ok installed (\S+)$/.exec(line.trim()) ?? [];
		const known = detectedPackages.find(pkg => pkg === name);
		if (known && version) versions[known] = version;
	}
	return versions;
}

// The distributor and codename lsb_release says, asked once (it is a Python program: a start is
// most of what detection costs a machine), each read by its label.
async function lsbRelease(runner: CommandRunner): Promise<{id?: string; codename?: string}> {
	const result = await runner.run(['lsb_release', '-i', '-c'], {timeoutMs: 10_000});
	if (!result.ok) return {};
	const field = (label: string): string | undefined => new RegExp(`^${label}:\\s*(\\S.*?)\\s*$`, 'm').exec(result.stdout)?.[1];
	const id = field('Distributor ID');
	const codename = field('Codename');
	return {...(id ? {id} : {}), ...(codename ? {codename} : {})};
}

// `otherwise`: what to say where nothing shows Marathon's layout (the article's, or the prediction).
async function marathonLayout(fs: TargetFiles, version: string | undefined, otherwise: Facts['marathonLayout'] = 'conf-dir'): Promise<Facts['marathonLayout']> {
	if (version) return marathonLayoutFor(version);
	const defaults = await fs.read('/etc/default/marathon');
	return defaults && /^\s*(export\s+)?MARATHON_/m.test(defaults) ? 'default-file' : otherwise;
}

// The role the agent's wrapper runs as, from what its service runs (none installed: `otherwise`,
// the article's or the prediction).
async function agentLayout(fs: TargetFiles, otherwise: Facts['agentLayout'] = 'slave'): Promise<Facts['agentLayout']> {
	const files = await Promise.all(agentServiceFiles.map(file => fs.read(file).catch(() => undefined)));
	return files.every(text => text === undefined) ? otherwise : agentLayoutFor(files);
}

// After the install: the facts with what the installed packages read (the agent's role folders,
// Marathon's version and files), asked again, so the configuration goes where they read it.
export async function detectInstalledLayout(fs: TargetFiles, runner: CommandRunner, sandbox: boolean, facts: Facts): Promise<Facts> {
	const installed = sandbox ? installedVersions((await fs.read('/var/lib/dpkg/status')) ?? '') : await packageVersions(runner);
	const versions = {...facts.versions, ...installed};
	// Nothing installed shows it (a rehearsal skips the install): the layout predicted stays.
	return {...facts, versions, marathonLayout: await marathonLayout(fs, versions.marathon, facts.marathonLayout), agentLayout: await agentLayout(fs, facts.agentLayout)};
}

// dpkg's own record of what is installed, as a sandbox holds it (dpkg-query is not run there).
export function installedVersions(status: string): Facts['versions'] {
	const versions: Facts['versions'] = {};
	for (const block of status.split(/\n\n+/)) {
		const name = /^Package: (\S+)$/m.exec(block)?.[1];
		const version = /^Version: (\S+)$/m.exec(block)?.[1];
		if (!name || !version || !/^Status: install ok installed$/m.test(block)) continue;
		if (name === 'zookeeper' || name === 'mesos' || name === 'marathon') versions[name] = version;
	}
	return versions;
}

// A sandbox: read <root>/etc/os-release; commands are never run for it.
export async function detectSandbox(fs: TargetFs, isRoot: boolean): Promise<Facts> {
	const text = await fs.read('/etc/os-release');
	if (!text) {
		return {
			...articleMachine,
			isRoot,
			marathonLayout: await marathonLayout(fs, undefined),
			agentLayout: await agentLayout(fs),
			notes: [`${fs.hostPath('/etc/os-release')} is missing, so the article’s machine is assumed.`],
		};
	}
	const fields = parseOsRelease(text);
	const distro = (fields.ID ?? 'ubuntu').toLowerCase();
	const codename = fields.VERSION_CODENAME ?? fields.UBUNTU_CODENAME ?? 'trusty';
	const init = (await fs.exists('/etc/init')) && upstartCodenames.includes(codename) ? 'upstart' : initFromRelease(distro, codename);
	const versions = installedVersions((await fs.read('/var/lib/dpkg/status')) ?? '');
	return {
		distro,
		codename,
		init,
		aptKey: aptKeyState(distro, codename, await fs.exists('/usr/bin/apt-key')),
		hasApt: debianFamily(fields),
		assumed: false,
		isRoot,
		versions,
		marathonLayout: await marathonLayout(fs, versions.marathon),
		agentLayout: await agentLayout(fs),
		zookeeperLogging: zookeeperLoggingFor(distro, codename, await fs.read('/etc/zookeeper/conf/environment')),
		notes: [`Read from ${fs.hostPath('/etc/os-release')}.`],
	};
}

export async function detectMachine(fs: TargetFiles, runner: CommandRunner, isRoot: boolean): Promise<Facts> {
	const notes: string[] = [];
	const fields = parseOsRelease((await fs.read('/etc/os-release')) ?? '');
	let distro = (fields.ID ?? '').toLowerCase();
	let codename = fields.VERSION_CODENAME ?? fields.UBUNTU_CODENAME ?? '';
	// The article asks lsb_release; os-release answers the same where lsb_release is not installed.
	if (await runner.has('lsb_release')) {
		const said = await lsbRelease(runner);
		if (said.id) distro = said.id.toLowerCase();
		if (said.codename && said.codename !== 'n/a') codename = said.codename;
	}
	if (!distro || !codename) notes.push('Could not tell the distribution and codename from /etc/os-release or lsb_release.');
	const hasApt = (await runner.has('apt-get')) && debianFamily({...fields, ID: distro});
	const versions = hasApt ? await packageVersions(runner) : {};
	const {marathon} = versions;
	return {
		distro: distro || 'unknown',
		codename: codename || 'unknown',
		init: await realInit(fs),
		aptKey: aptKeyState(distro, codename, await runner.has('apt-key')),
		hasApt,
		assumed: false,
		isRoot,
		versions,
		marathonLayout: await marathonLayout(fs, marathon),
		agentLayout: await agentLayout(fs),
		zookeeperLogging: zookeeperLoggingFor(distro, codename, await fs.read('/etc/zookeeper/conf/environment')),
		notes,
	};
}
