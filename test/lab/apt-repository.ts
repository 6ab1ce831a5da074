import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {execa} from 'execa';
import {gpgIn, stopGpgAgents, type SigningKey} from './signing-key.js';
import type {Distribution} from './os-release.js';

/** One signed apt archive: `deb <url of archive> <suite> <component>` finds its packages. */
export type AptArchive = {
	/** The directory served as the archive's URL: it holds pool/ and dists/. */
	archive: string;
	/** The suites it publishes (dists/<suite>), each also its codename in Release. */
	suites: string[];
	component: string;
	debs: string[];
	key: SigningKey;
};

/**
 * Lays out a signed apt archive: the .deb files under pool/, and for each suite
 * dists/<suite>/<component>/binary-<arch>/Packages(.gz), Release, InRelease and Release.gpg.
 */
export async function publishAptArchive({archive, suites, component, debs, key}: AptArchive): Promise<void> {
	const {stdout: architecture} = await execa('dpkg', ['--print-architecture']);
	for (const deb of debs) {
		const name = path.basename(deb).split('_')[0] ?? 'misc';
		const pool = path.join(archive, 'pool', component, name.slice(0, 1), name);
		await mkdir(pool, {recursive: true});
		await copyFile(deb, path.join(pool, path.basename(deb)));
	}
	// Run in the archive so Filename: fields are relative to it, as apt expects.
	const {stdout: packages} = await execa('apt-ftparchive', ['packages', 'pool'], {cwd: archive});
	const gpg = gpgIn(key.gnupgHome);
	try {
		for (const suite of suites) {
			const dist = path.join(archive, 'dists', suite);
			const binaries = path.join(dist, component, `binary-${architecture}`);
			await mkdir(binaries, {recursive: true});
			await writeFile(path.join(binaries, 'Packages'), `${packages}\n`);
			await writeFile(path.join(binaries, 'Packages.gz'), gzipSync(`${packages}\n`));
			const {stdout: release} = await execa('apt-ftparchive', [
				'-o', 'APT::FTPArchive::Release::Origin=mesos-setup-lab',
				'-o', 'APT::FTPArchive::Release::Label=mesos-setup-lab',
				'-o', `APT::FTPArchive::Release::Suite=${suite}`,
				'-o', `APT::FTPArchive::Release::Codename=${suite}`,
				'-o', `APT::FTPArchive::Release::Components=${component}`,
				'-o', `APT::FTPArchive::Release::Architectures=${architecture}`,
				'release', '.',
			], {cwd: dist});
			await writeFile(path.join(dist, 'Release'), `${release}\n`);
			await gpg(['--local-user', key.fingerprint, '--clearsign', '--output', path.join(dist, 'InRelease'), path.join(dist, 'Release')]);
			await gpg(['--local-user', key.fingerprint, '--armor', '--detach-sign', '--output', path.join(dist, 'Release.gpg'), path.join(dist, 'Release')]);
			if (!(await readFile(path.join(dist, 'InRelease'), 'utf8')).includes('BEGIN PGP SIGNED MESSAGE')) {
				throw new Error(`gpg wrote no clearsigned InRelease in ${dist}`);
			}
		}
	} finally {
		await stopGpgAgents(key.gnupgHome);
	}
}

/**
 * The article's repository layout under root: `deb http://host/<distro> <codename> main`
 * (repos.mesosphere.io/ubuntu trusty main), for the given codenames (this machine's by default).
 */
export async function buildAptRepository(
	root: string, debs: string[], distribution: Distribution, key: SigningKey, codenames = [distribution.codename],
): Promise<void> {
	await publishAptArchive({archive: path.join(root, distribution.distro), suites: codenames, component: 'main', debs, key});
}
