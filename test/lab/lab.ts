import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {installLabPrerequisites} from './install-prerequisites.js';
import {buildLabPackages, type LabPackages, type PackageVariant} from './lab-packages.js';
import {bundleLabServers, startServerProcess, type ServerProcess} from './lab-server-process.js';
import {buildLabSources} from './lab-sources.js';
import {createLabTls} from './lab-tls.js';
import {acquireMachineLock} from './machine-lock.js';
import {machineSnapshot, restoreMachine, type MachineSnapshot, type RestoreReport} from './machine-snapshot.js';
import {readDistribution, type Distribution} from './os-release.js';
import {createSigningKey, type SigningKey} from './signing-key.js';
import {addLabAgentAddress} from './agent-address.js';

export {serviceLogFiles, standinServices, packageName} from './mesosphere-package.js';
export type {RestoreReport} from './machine-snapshot.js';
export type {LabPackages, PackageVariant} from './lab-packages.js';

export type LabOptions = {
	/** Which packages every source serves (see lab-packages.ts); the article's `mesosphere` by default. */
	packages?: PackageVariant;
};

/** The package sources a test can point `repo.source` at (README: "Package sources"). */
export type LabSources = {
	/** repo.source=article: `deb <url>/<distro> <codename> main`, key on the key server. */
	article: {url: string; keyserver: string; fingerprint: string};
	/**
	 * repo.source=apt: `deb <url> <suite> <component>`, signed with a key of its own, to be had from
	 * the key server, over https (keyUrl; trust caFile), or as a file (armored or binary).
	 */
	apt: {
		url: string; suite: string; component: string; fingerprint: string;
		keyserver: string; keyUrl: string; caFile: string; keyFile: string; binaryKeyFile: string;
		/** The same repository over https (the lab CA's certificate). */
		httpsUrl: string;
	};
	/** repo.source=folder: .deb files as mesos-packaging leaves them, and a folder without mesos. */
	folder: {path: string; withoutMesos: string};
	/** The article's layout without this machine's codename (published: codenames). */
	stale: {url: string; codenames: string[]};
};

/** A hermetic copy of the Mesosphere world on 127.0.0.1, and the machine's state before it. */
export type Lab = {
	/** For --set repo.url: the installer appends /<distro> <codename> main. */
	repoUrl: string;
	/** For --set repo.keyserver: hkp://127.0.0.1:<port>. */
	keyserver: string;
	/** For --set repo.key: the full fingerprint of the key that signs the repository. */
	fingerprint: string;
	/** The public key as a file: ASCII-armored (.asc) and binary (.gpg), for hand-written keyrings. */
	armoredKeyPath: string;
	binaryKeyPath: string;
	distribution: Distribution;
	/** The packages every source serves: which variant, each .deb's name and dpkg Version. */
	packages: LabPackages;
	sources: LabSources;
	/** The lab's own files (key, package, repository, server logs); deleted by stop(). */
	workDir: string;
	repositoryLog: string;
	keyserverLog: string;
	/**
	 * Fault injection: the repository stops answering, then comes back on the same port; with
	 * `debDelayMs` it answers indexes at once but holds every package's bytes that long (a slow mirror).
	 */
	stopRepository(): Promise<void>;
	startRepository(options?: {debDelayMs?: number}): Promise<void>;
	/**
	 * Fault injection: a second key server (hkp://127.0.0.1:<port>) that answers every fingerprint
	 * with the lab's key, as a compromised server would; stopped by stop().
	 */
	startImpostorKeyserver(): Promise<string>;
	/**
	 * Back to the state startLab found, keeping the lab's servers up (between tests). mesos-setup's
	 * own state from before the lab (/var/lib/mesos-setup and the rest) stays set aside.
	 */
	restoreMachine(): Promise<RestoreReport>;
	/** restoreMachine with mesos-setup's earlier state put back, then stop the servers by PID and delete workDir. */
	stop(): Promise<RestoreReport>;
};

const lockTimeoutMs = 15 * 60_000;

/** Builds the lab from nothing: prerequisites, keys, the packages, every source, the servers. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
	const releaseLock = await acquireMachineLock(lockTimeoutMs);
	let snapshot: MachineSnapshot | undefined;
	let workDir: string | undefined;
	const servers: ServerProcess[] = [];
	let removeAgentAddress: (() => Promise<void>) | undefined;
	try {
		await installLabPrerequisites();
		removeAgentAddress = await addLabAgentAddress();
		workDir = await mkdtemp(path.join(tmpdir(), 'mesos-setup-lab-'));
		snapshot = await machineSnapshot(path.join(workDir, 'snapshot'));
		const distribution = await readDistribution();
		const key: SigningKey = await createSigningKey(workDir);
		const aptKey = await createSigningKey(workDir, {name: 'apt-archive-key', userId: 'mesos-setup lab apt archive <apt@127.0.0.1>', algorithm: 'ed25519'});
		const packages = await buildLabPackages(workDir, options.packages ?? 'mesosphere');
		const files = await buildLabSources(workDir, packages, distribution, key, aptKey);
		const repositoryRoot = files.publishRoot;
		const tls = await createLabTls(workDir);
		const bundle = path.join(workDir, 'lab-servers.mjs');
		await bundleLabServers(bundle);
		const repositoryLog = path.join(workDir, 'repository.log');
		const keyserverLog = path.join(workDir, 'keyserver.log');
		let repository = await startServerProcess(bundle, ['repository', repositoryRoot, '0'], repositoryLog);
		servers.push(repository);
		const keyserver = await startServerProcess(bundle,
			['keyserver', key.fingerprint, key.armoredPublicKeyPath, aptKey.fingerprint, aptKey.armoredPublicKeyPath, '0'], keyserverLog);
		servers.push(keyserver);
		const https = await startServerProcess(bundle,
			['https-repository', repositoryRoot, tls.certFile, tls.keyFile, '0'], path.join(workDir, 'https-repository.log'));
		servers.push(https);
		const port = repository.port;
		const repoUrl = `http://127.0.0.1:${port}`;
		const keyserverUrl = `hkp://127.0.0.1:${keyserver.port}`;
		const httpsUrl = `https://127.0.0.1:${https.port}`;
		const ownWorkDir = workDir;
		const ownSnapshot = snapshot;
		const restore = () => restoreMachine(ownSnapshot);
		const restoreAll = () => restoreMachine(ownSnapshot, {putBack: true});
		return {
			repoUrl,
			keyserver: keyserverUrl,
			fingerprint: key.fingerprint,
			armoredKeyPath: key.armoredPublicKeyPath,
			binaryKeyPath: key.binaryPublicKeyPath,
			distribution,
			packages,
			sources: {
				article: {url: repoUrl, keyserver: keyserverUrl, fingerprint: key.fingerprint},
				apt: {
					url: `${repoUrl}/${files.apt.path}`, suite: files.apt.suite, component: files.apt.component,
					fingerprint: aptKey.fingerprint, keyserver: keyserverUrl, keyUrl: `${httpsUrl}/${files.aptKey.servedAs}`,
					caFile: tls.caFile, keyFile: files.aptKey.armored, binaryKeyFile: files.aptKey.binary,
					httpsUrl: `${httpsUrl}/${files.apt.path}`,
				},
				folder: {path: files.folder, withoutMesos: files.folderWithoutMesos},
				stale: {url: `${repoUrl}/${files.stale.path}`, codenames: files.stale.codenames},
			},
			workDir,
			repositoryLog,
			keyserverLog,
			async stopRepository() {
				await repository.stop();
			},
			async startRepository(options = {}) {
				const slow = options.debDelayMs ? [String(options.debDelayMs)] : [];
				repository = await startServerProcess(bundle, ['repository', repositoryRoot, String(port), ...slow], repositoryLog);
				servers.push(repository);
			},
			async startImpostorKeyserver() {
				const impostor = await startServerProcess(bundle, ['impostor-keyserver', key.armoredPublicKeyPath, '0'], path.join(ownWorkDir, 'impostor-keyserver.log'));
				servers.push(impostor);
				return `hkp://127.0.0.1:${impostor.port}`;
			},
			restoreMachine: restore,
			async stop() {
				// The servers, the work directory and the lock go even when restoring fails.
				try {
					return await restoreAll();
				} finally {
					try {
						for (const server of servers) await server.stop();
						await rm(ownWorkDir, {recursive: true, force: true});
						await removeAgentAddress?.();
					} finally {
						releaseLock();
					}
				}
			},
		};
	} catch (error) {
		for (const server of servers) await server.stop();
		if (snapshot) await restoreMachine(snapshot, {putBack: true});
		if (workDir) await rm(workDir, {recursive: true, force: true});
		await removeAgentAddress?.();
		releaseLock();
		throw error;
	}
}

/** The last lines of a stand-in's or ZooKeeper's log, for a failure message. */
export async function logTail(file: string, lines = 20): Promise<string> {
	const text = await readFile(file, 'utf8').catch(() => `(no ${file})`);
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
