import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {execa} from 'execa';
import {gpgIn, stopGpgAgents, type SigningKey} from './signing-key.js';
import type {Distribution} from './os-release.js';

/**
 * Lays out a signed apt repository under root so that
 * `deb http://host/<distro> <codename> main` finds the package: pool/, Packages, Release, InRelease.
 */
export async function buildAptRepository(root: string, deb: string, distribution: Distribution, key: SigningKey): Promise<void> {
	const {distro, codename} = distribution;
	const archive = path.join(root, distro);
	const {stdout: architecture} = await execa('dpkg', ['--print-architecture']);
	const pool = path.join(archive, 'pool/main/m/mesosphere');
	const binaries = path.join(archive, 'dists', codename, 'main', `binary-${architecture}`);
	await mkdir(pool, {recursive: true});
	await mkdir(binaries, {recursive: true});
	await copyFile(deb, path.join(pool, path.basename(deb)));

	// Run in the archive so Filename: fields are relative to it, as apt expects.
	const {stdout: packages} = await execa('apt-ftparchive', ['packages', 'pool'], {cwd: archive});
	await writeFile(path.join(binaries, 'Packages'), `${packages}\n`);
	await writeFile(path.join(binaries, 'Packages.gz'), gzipSync(`${packages}\n`));

	const dist = path.join(archive, 'dists', codename);
	const {stdout: release} = await execa('apt-ftparchive', [
		'-o', 'APT::FTPArchive::Release::Origin=mesos-setup-lab',
		'-o', 'APT::FTPArchive::Release::Label=mesos-setup-lab',
		'-o', `APT::FTPArchive::Release::Suite=${codename}`,
		'-o', `APT::FTPArchive::Release::Codename=${codename}`,
		'-o', 'APT::FTPArchive::Release::Components=main',
		'-o', `APT::FTPArchive::Release::Architectures=${architecture}`,
		'release', '.',
	], {cwd: dist});
	await writeFile(path.join(dist, 'Release'), `${release}\n`);
	const gpg = gpgIn(key.gnupgHome);
	try {
		await gpg(['--local-user', key.fingerprint, '--clearsign', '--output', path.join(dist, 'InRelease'), path.join(dist, 'Release')]);
		await gpg(['--local-user', key.fingerprint, '--armor', '--detach-sign', '--output', path.join(dist, 'Release.gpg'), path.join(dist, 'Release')]);
	} finally {
		await stopGpgAgents(key.gnupgHome);
	}
	if (!(await readFile(path.join(dist, 'InRelease'), 'utf8')).includes('BEGIN PGP SIGNED MESSAGE')) {
		throw new Error(`gpg wrote no clearsigned InRelease in ${dist}`);
	}
}
