import {existsSync, realpathSync} from 'node:fs';
import {readdir, rm} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {isAlive, listProcesses, pidFromFile, stopPid} from './lab-processes.js';
import {standinRoot} from './lab-package-parts.js';
import {restoreTrees, snapshotTrees, type TreeSnapshot} from './tree-snapshot.js';

/** Services in the order they are stopped, with the pidfile each init script keeps. */
const services = [
	{name: 'marathon', pidfile: '/run/marathon.pid'},
	{name: 'chronos', pidfile: '/run/chronos.pid'},
	{name: 'mesos-slave', pidfile: '/run/mesos-slave.pid'},
	{name: 'mesos-master', pidfile: '/run/mesos-master.pid'},
	{name: 'zookeeper', pidfile: '/run/zookeeper/zookeeper.pid'},
];

/**
 * mesos-setup's own state from an earlier run on this machine (saved answers and progress, backups
 * and journals, logs). It would change what the lab sees (a menu instead of the wizard, an undo of
 * someone else's run), so the lab sets it aside for its whole run and puts it back at the end.
 */
export const installerStatePaths = ['/var/lib/mesos-setup', '/var/backups/mesos-setup', '/var/log/mesos-setup'];

/** Every place the article or the lab may change; restored entry by entry. */
function trackedPaths(): string[] {
	// /etc/zookeeper/conf is an alternatives symlink (to conf_example on Debian): keep what it points at.
	const zookeeperConf = existsSync('/etc/zookeeper/conf') ? [realpathSync('/etc/zookeeper/conf')] : [];
	return [
		'/etc/apt/sources.list', '/etc/apt/sources.list.d', '/etc/apt/trusted.gpg', '/etc/apt/trusted.gpg~',
		'/etc/apt/trusted.gpg.d', '/etc/apt/keyrings', '/usr/share/keyrings',
		'/etc/mesos', '/etc/mesos-master', '/etc/mesos-slave', '/etc/mesos-agent', '/etc/marathon', '/etc/chronos',
		'/etc/default/mesos', '/etc/default/mesos-master', '/etc/default/mesos-slave', '/etc/default/mesos-agent', '/etc/default/marathon',
		// docker.io, where a test installs it: its group, its files (its daemon cannot start from its
		// sysv script here; see README "Docker").
		'/etc/group', '/etc/gshadow', '/etc/docker', '/var/lib/docker', '/var/lib/containerd', '/run/docker', '/run/docker.sock',
		'/var/log/docker.log',
		// Units enabled or disabled (by the packages' postinst, or by systemctl disable).
		'/etc/systemd/system', '/var/lib/systemd/deb-systemd-helper-enabled', '/var/lib/systemd/deb-systemd-helper-masked',
		'/etc/default/chronos', '/etc/default/zookeeper', '/etc/init', ...zookeeperConf,
		...['0', '1', '2', '3', '4', '5', '6', 'S'].map(level => `/etc/rc${level}.d`),
		'/var/lib/zookeeper', '/tmp/zookeeper', '/var/log/zookeeper', '/run/zookeeper', '/tmp/hsperfdata_zookeeper',
		'/var/lib/mesos', '/tmp/mesos', '/var/log/mesos', '/var/log/marathon', '/var/log/chronos',
		// repo.source folder: the local apt repository mesos-setup makes of the folder's copy.
		'/var/cache/mesos-setup',
		// A daemon that refused its configuration leaves its pidfile behind.
		...services.map(service => service.pidfile),
	];
}

/** apt's lists and downloaded .deb files: whatever a source added (the lab's, a folder's, Debian's) goes again. */
const aptFiles = async () => {
	const files = async (dir: string, keep: (name: string) => boolean) =>
		(await readdir(dir, {withFileTypes: true})).filter(entry => entry.isFile() && keep(entry.name)).map(entry => path.join(dir, entry.name));
	return [
		...await files('/var/lib/apt/lists', name => name !== 'lock'),
		...await files('/var/cache/apt/archives', name => name.endsWith('.deb')),
	];
};

export type MachineSnapshot = {
	trees: TreeSnapshot;
	/** mesos-setup's state found here, kept aside while the lab runs. */
	installerState: TreeSnapshot;
	/** Every package installed when the lab started: any other is purged on restore. */
	installedPackages: Set<string>;
	runningServices: string[];
	pids: Set<number>;
	aptFiles: string[];
};

/** What restoreMachine had to undo, for a test to show or assert on. */
export type RestoreReport = {
	stoppedServices: string[]; killedProcesses: string[]; purged: boolean; purgedPackages: string[]; restoredPaths: string[];
	installerState: 'kept aside' | 'put back';
};

async function installedPackages(): Promise<Set<string>> {
	const {stdout} = await execa('dpkg-query', ['-W', '-f=${Package} ${Status}\n']);
	return new Set(stdout.split('\n').filter(line => line.endsWith(' install ok installed')).map(line => line.split(' ')[0] ?? ''));
}

/** Takes the snapshot, and sets aside mesos-setup's own state from an earlier run (kept in the snapshot). */
export async function machineSnapshot(dir: string): Promise<MachineSnapshot> {
	const installerState = await snapshotTrees(installerStatePaths, path.join(dir, 'installer-state'));
	await setInstallerStateAside();
	return {
		trees: await snapshotTrees(trackedPaths(), path.join(dir, 'machine')),
		installerState,
		installedPackages: await installedPackages(),
		runningServices: services.filter(service => isServiceRunning(service.pidfile)).map(service => service.name),
		pids: new Set(listProcesses().map(entry => entry.pid)),
		aptFiles: await aptFiles(),
	};
}

function isServiceRunning(pidfile: string): boolean {
	const pid = pidFromFile(pidfile);
	return pid !== undefined && isAlive(pid);
}

/** The lab's runs leave state of their own there; between tests it goes, so each test starts without it. */
async function setInstallerStateAside(): Promise<void> {
	for (const dir of installerStatePaths) await rm(dir, {recursive: true, force: true});
}

/**
 * Puts the machine back as the snapshot found it: stops the services started since (by their init
 * scripts, then by PID), purges every package installed since (the lab's and what they pulled in),
 * restores every tracked path, removes the apt lists and .deb files added since, and ends by PID any
 * process left by the lab's daemons or by a gpg whose home is gone. mesos-setup's own state stays
 * aside (what the lab's runs left of it is removed) unless `putBack`, which the end of the lab
 * passes: then what was there before the lab is there again.
 */
export async function restoreMachine(snapshot: MachineSnapshot, {putBack = false}: {putBack?: boolean} = {}): Promise<RestoreReport> {
	const report: RestoreReport = {stoppedServices: [], killedProcesses: [], purged: false, purgedPackages: [], restoredPaths: [], installerState: putBack ? 'put back' : 'kept aside'};
	for (const service of services) {
		if (snapshot.runningServices.includes(service.name) || !isServiceRunning(service.pidfile)) continue;
		const script = `/etc/init.d/${service.name}`;
		if (existsSync(script)) await execa(script, ['stop'], {reject: false, timeout: 60_000});
		const pid = pidFromFile(service.pidfile);
		if (pid !== undefined) await stopPid(pid);
		report.stoppedServices.push(service.name);
	}
	// The packages' prerm asks invoke-rc.d to stop the services, which a policy-rc.d may refuse: they are stopped above.
	const added = [...await installedPackages()].filter(name => !snapshot.installedPackages.has(name));
	if (added.length > 0) {
		// One dpkg call, so dependencies among them are no obstacle.
		await execa('dpkg', ['--purge', ...added], {env: {DEBIAN_FRONTEND: 'noninteractive'}, timeout: 300_000});
		report.purged = true;
		report.purgedPackages = added;
	}
	report.restoredPaths = await restoreTrees(snapshot.trees);
	if (putBack) report.restoredPaths.push(...(await restoreTrees(snapshot.installerState)));
	else await setInstallerStateAside();
	for (const file of await aptFiles()) {
		if (!snapshot.aptFiles.includes(file)) await rm(file, {force: true});
	}
	for (const entry of listProcesses()) {
		if (snapshot.pids.has(entry.pid) || entry.state === 'Z' || !isLabLeftover(entry.command)) continue;
		await stopPid(entry.pid);
		report.killedProcesses.push(`${entry.pid} ${entry.command}`);
	}
	return report;
}

/** A stand-in or ZooKeeper daemon, or a gpg-agent or dirmngr whose GNUPGHOME has been deleted. */
function isLabLeftover(command: string): boolean {
	if (command.includes(`${standinRoot}/`) || command.includes('org.apache.zookeeper.server')) return true;
	// A dockerd started by lab-dockerd.ts, and its containerd: their state is under a lab work directory.
	if (/(?:^|\/)(?:dockerd|containerd)\s/.test(command) && command.includes('/mesos-setup-lab-')) return true;
	const gpgDaemon = /(?:^|\/)(?:gpg-agent|dirmngr|keyboxd)\s.*--homedir\s+(\S+)/.exec(command);
	return gpgDaemon?.[1] !== undefined && !existsSync(path.resolve(gpgDaemon[1]));
}
