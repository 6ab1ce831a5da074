import {chmod, copyFile, mkdir} from 'node:fs/promises';
import path from 'node:path';
import {buildAptRepository, publishAptArchive} from './apt-repository.js';
import type {LabPackages} from './lab-packages.js';
import type {Distribution} from './os-release.js';
import type {SigningKey} from './signing-key.js';

/** Codenames the stale repository publishes: never this machine's (repos.mesosphere.io stopped at stretch and bionic). */
export const staleCodenames = (distribution: Distribution): string[] =>
	(distribution.distro === 'ubuntu' ? ['trusty', 'xenial', 'bionic'] : ['jessie', 'stretch'])
		.filter(codename => codename !== distribution.codename);

/** Where each package source is on disk; lab.ts turns these into URLs once the servers listen. */
export type LabSourceFiles = {
	/** Served at the repository's root: <distro>/ (the article's layout), apt/, stale/<distro>/, keys/. */
	publishRoot: string;
	/** The apt repository's path under publishRoot, its suite and component. */
	apt: {path: string; suite: string; component: string};
	stale: {path: string; codenames: string[]};
	/** Folders of .deb files, as mesos-packaging leaves them: every package, and every package but mesos. */
	folder: string;
	folderWithoutMesos: string;
	/** The apt repository's public key as files: ASCII-armored (also served under keys/) and binary. */
	aptKey: {armored: string; binary: string; servedAs: string};
};

/**
 * Publishes the variant's packages every way a person can get them:
 * - the article's layout, signed with the article key: <url>/<distro> <codename> main;
 * - an apt repository of its own, signed with its own key: <url>/apt stable main;
 * - a stale repository in the article's layout that lacks this machine's codename;
 * - two folders of .deb files (one without mesos, for the refusal).
 */
export async function buildLabSources(
	workDir: string, packages: LabPackages, distribution: Distribution, articleKey: SigningKey, aptKey: SigningKey,
): Promise<LabSourceFiles> {
	const publishRoot = path.join(workDir, 'repository');
	const debs = packages.debs.map(deb => deb.file);
	await buildAptRepository(publishRoot, debs, distribution, articleKey);

	const apt = {path: 'apt', suite: 'stable', component: 'main'};
	await publishAptArchive({archive: path.join(publishRoot, apt.path), suites: [apt.suite], component: apt.component, debs, key: aptKey});

	const stale = {path: 'stale', codenames: staleCodenames(distribution)};
	await buildAptRepository(path.join(publishRoot, stale.path), debs, distribution, articleKey, stale.codenames);

	const keys = path.join(publishRoot, 'keys');
	await mkdir(keys, {recursive: true});
	const servedAs = `keys/${path.basename(aptKey.armoredPublicKeyPath)}`;
	await copyFile(aptKey.armoredPublicKeyPath, path.join(publishRoot, servedAs));

	// apt reads file: sources as its _apt user: the folders and the way to them must be readable.
	await chmod(workDir, 0o755);
	const folder = path.join(workDir, 'debs-folder');
	const folderWithoutMesos = path.join(workDir, 'debs-folder-without-mesos');
	for (const dir of [folder, folderWithoutMesos]) await mkdir(dir, {recursive: true});
	for (const deb of packages.debs) {
		await copyFile(deb.file, path.join(folder, path.basename(deb.file)));
		if (deb.name !== 'mesos' && deb.name !== 'mesosphere') await copyFile(deb.file, path.join(folderWithoutMesos, path.basename(deb.file)));
	}
	return {
		publishRoot, apt, stale, folder, folderWithoutMesos,
		aptKey: {armored: aptKey.armoredPublicKeyPath, binary: aptKey.binaryPublicKeyPath, servedAs},
	};
}
