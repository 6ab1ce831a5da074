import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {buildAptRepository} from './apt-repository.js';
import {installLabPrerequisites} from './install-prerequisites.js';
import {bundleLabServers, startServerProcess, type ServerProcess} from './lab-server-process.js';
import {acquireMachineLock} from './machine-lock.js';
import {machineSnapshot, restoreMachine, type MachineSnapshot, type RestoreReport} from './machine-snapshot.js';
import {buildMesospherePackage} from './mesosphere-package.js';
import {readDistribution, type Distribution} from './os-release.js';
import {createSigningKey, type SigningKey} from './signing-key.js';

export {serviceLogFiles, standinServices, packageName} from './mesosphere-package.js';
export type {RestoreReport} from './machine-snapshot.js';

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

/** Builds the lab from nothing: prerequisites, a key, the package, a signed repository, two servers. */
export async function startLab(): Promise<Lab> {
	const releaseLock = await acquireMachineLock(lockTimeoutMs);
	let snapshot: MachineSnapshot | undefined;
	let workDir: string | undefined;
	const servers: ServerProcess[] = [];
	try {
		await installLabPrerequisites();
		workDir = await mkdtemp(path.join(tmpdir(), 'mesos-setup-lab-'));
		snapshot = await machineSnapshot(path.join(workDir, 'snapshot'));
		const distribution = await readDistribution();
		const key: SigningKey = await createSigningKey(workDir);
		const deb = await buildMesospherePackage(workDir);
		const repositoryRoot = path.join(workDir, 'repository');
		await buildAptRepository(repositoryRoot, deb, distribution, key);
		const bundle = path.join(workDir, 'lab-servers.mjs');
		await bundleLabServers(bundle);
		const repositoryLog = path.join(workDir, 'repository.log');
		const keyserverLog = path.join(workDir, 'keyserver.log');
		let repository = await startServerProcess(bundle, ['repository', repositoryRoot, '0'], repositoryLog);
		servers.push(repository);
		const keyserver = await startServerProcess(bundle, ['keyserver', key.fingerprint, key.armoredPublicKeyPath, '0'], keyserverLog);
		servers.push(keyserver);
		const port = repository.port;
		const ownWorkDir = workDir;
		const ownSnapshot = snapshot;
		const restore = () => restoreMachine(ownSnapshot);
		const restoreAll = () => restoreMachine(ownSnapshot, {putBack: true});
		return {
			repoUrl: `http://127.0.0.1:${port}`,
			keyserver: `hkp://127.0.0.1:${keyserver.port}`,
			fingerprint: key.fingerprint,
			armoredKeyPath: key.armoredPublicKeyPath,
			binaryKeyPath: key.binaryPublicKeyPath,
			distribution,
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
		releaseLock();
		throw error;
	}
}

/** The last lines of a stand-in's or ZooKeeper's log, for a failure message. */
export async function logTail(file: string, lines = 20): Promise<string> {
	const text = await readFile(file, 'utf8').catch(() => `(no ${file})`);
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
