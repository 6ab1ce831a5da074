import {chmod, copyFile, mkdir, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';

/** A file in a package: its text, a copy of a file built beside it, or a symbolic link. */
export type PackageFile = {content: string; mode?: number} | {copyOf: string; mode?: number} | {symlinkTo: string};

export type DebianPackage = {
	name: string;
	/** The dpkg Version, as `dpkg-query -W -f='${Version}'` will show it. */
	version: string;
	architecture: string;
	depends?: string[];
	recommends?: string[];
	provides?: string[];
	/** The synopsis line, then the long description's lines. */
	description: [string, ...string[]];
	/** Keyed by path without the leading slash. */
	files: Record<string, PackageFile>;
	/** Paths (from files) that dpkg keeps as the admin's: /etc files. */
	conffiles?: string[];
	scripts?: Partial<Record<'postinst' | 'prerm' | 'postrm', string>>;
};

function controlFile(pkg: DebianPackage): string {
	const field = (name: string, values?: string[]) => values && values.length > 0 ? `${name}: ${values.join(', ')}\n` : '';
	const [synopsis, ...body] = pkg.description;
	return `Package: ${pkg.name}
Version: ${pkg.version}
Architecture: ${pkg.architecture}
Maintainer: mesos-setup lab <lab@127.0.0.1>
${field('Depends', pkg.depends)}${field('Recommends', pkg.recommends)}${field('Provides', pkg.provides)}Section: misc
Priority: optional
Description: ${synopsis}
${body.map(line => ` ${line}`).join('\n')}
`;
}

/** Builds <name>_<version>_<architecture>.deb in outDir (a staging tree under workDir) and returns its path. */
export async function buildDebianPackage(pkg: DebianPackage, workDir: string, outDir: string): Promise<string> {
	const root = path.join(workDir, 'package-roots', `${pkg.name}_${pkg.version}`);
	const put = async (file: string, entry: PackageFile) => {
		const target = path.join(root, file);
		await mkdir(path.dirname(target), {recursive: true});
		if ('symlinkTo' in entry) {
			await symlink(entry.symlinkTo, target);
			return;
		}
		if ('copyOf' in entry) await copyFile(entry.copyOf, target);
		else await writeFile(target, entry.content);
		await chmod(target, entry.mode ?? 0o644);
	};
	for (const [file, entry] of Object.entries(pkg.files)) await put(file, entry);
	await put('DEBIAN/control', {content: controlFile(pkg)});
	if (pkg.conffiles && pkg.conffiles.length > 0) {
		await put('DEBIAN/conffiles', {content: `${pkg.conffiles.map(file => `/${file}`).join('\n')}\n`});
	}
	for (const [name, script] of Object.entries(pkg.scripts ?? {})) await put(`DEBIAN/${name}`, {content: script, mode: 0o755});
	await mkdir(outDir, {recursive: true});
	const deb = path.join(outDir, `${pkg.name}_${pkg.version}_${pkg.architecture}.deb`);
	await execa('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, deb]);
	return deb;
}
