// The .deb an admin installs with `apt install ./mesos-setup_<version>_<arch>.deb` or `dpkg -i`:
// the single executable as /usr/bin/mesos-setup, its man page, its bash completion and the
// copyright notes, laid out in a folder and packed by dpkg-deb. Its library dependencies are the
// ones dpkg-shlibdeps reads off the executable (the C and C++ runtimes Node links against).
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {chmod, mkdir, readdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {execa} from 'execa';
import wrapAnsi from 'wrap-ansi';

export type PackageFacts = {
	name: string;
	version: string;
	// One line, then paragraphs: the control file's Description.
	summary: string;
	description: string;
	maintainer: string;
	license: string;
};

export type DebianPackageInput = {
	facts: PackageFacts;
	executable: string;
	manPage: string;
	completion: string;
	// Where the .deb goes, and a scratch folder for its tree.
	outDir: string;
	work: string;
};

export const debFileName = (facts: PackageFacts, arch: string): string => `${facts.name}_${facts.version}_${arch}.deb`;

async function output(file: string, args: string[], cwd?: string): Promise<string> {
	const result = await execa(file, args, {reject: false, stdin: 'ignore', ...(cwd ? {cwd} : {})});
	if (result.exitCode !== 0) {
		const why = result.code === 'ENOENT' ? `${file} is not installed (Debian package ${file.startsWith('dpkg-deb') ? 'dpkg' : 'dpkg-dev'})` : String(result.stderr).trim();
		throw new Error(`${file} ${args.join(' ')} failed: ${why}`);
	}
	return String(result.stdout).trim();
}

// The control file's Description: the summary, then the paragraphs (split at blank lines) wrapped
// at 72 columns, each line indented by one space, a blank line written as " ." (deb-control(5)).
export function controlDescription(summary: string, description: string): string {
	const paragraphs = description.trim().split(/\n\s*\n/);
	const body = paragraphs.map(p => wrapAnsi(p.replaceAll('\n', ' '), 72, {trim: true}).split('\n').map(line => ` ${line}`).join('\n'));
	return [summary, body.join('\n .\n')].join('\n');
}

export function controlFile(facts: PackageFacts, fields: {arch: string; installedKb: number; depends: string}): string {
	return `${[
		`Package: ${facts.name}`,
		`Version: ${facts.version}`,
		`Architecture: ${fields.arch}`,
		`Maintainer: ${facts.maintainer}`,
		`Installed-Size: ${fields.installedKb}`,
		...(fields.depends ? [`Depends: ${fields.depends}`] : []),
		'Suggests: bash-completion',
		'Section: admin',
		'Priority: optional',
		`Description: ${controlDescription(facts.summary, facts.description)}`,
	].join('\n')}\n`;
}

// Node's own license text, which the executable carries along with Node; where a Node install keeps it.
function nodeLicense(): string | undefined {
	const prefix = path.dirname(path.dirname(process.execPath));
	return [path.join(prefix, 'share/doc/node/LICENSE'), path.join(prefix, 'share/doc/nodejs/LICENSE'), '/usr/share/doc/nodejs/LICENSE'].find(file => existsSync(file));
}

function copyright(facts: PackageFacts, withNodeLicense: boolean): string {
	return `${[
		'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
		`Upstream-Name: ${facts.name}`,
		'',
		'Files: *',
		`License: ${facts.license}`,
		facts.license === 'Apache-2.0' ? ' On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.' : ` See the ${facts.license} license.`,
		'',
		'Files: usr/bin/mesos-setup',
		'Comment: the executable embeds Node.js ' + process.version + ' and the npm packages the program is bundled from',
		' (Ink, React and others, under the MIT, ISC and BSD licenses).',
		`License: MIT${withNodeLicense ? '\n Node.js\'s license and those of the libraries it includes: node-LICENSE beside this file.' : ''}`,
	].join('\n')}\n`;
}

async function lay(file: string, bytes: string | Uint8Array, mode: number): Promise<void> {
	await mkdir(path.dirname(file), {recursive: true});
	await writeFile(file, bytes);
	await chmod(file, mode);
}

// Folders 0755 whatever the umask (dpkg-deb refuses a DEBIAN folder writable by others).
async function folderModes(folder: string): Promise<void> {
	await chmod(folder, 0o755);
	for (const entry of await readdir(folder, {withFileTypes: true})) if (entry.isDirectory()) await folderModes(path.join(folder, entry.name));
}

export async function buildDebianPackage(input: DebianPackageInput): Promise<string> {
	const {facts, work} = input;
	const root = path.join(work, 'deb-root');
	const arch = await output('dpkg', ['--print-architecture']);
	const doc = `usr/share/doc/${facts.name}`;
	const binary = `usr/bin/${facts.name}`;
	const license = nodeLicense();
	const installed: {file: string; bytes: string | Uint8Array; mode: number}[] = [
		{file: binary, bytes: await readFile(input.executable), mode: 0o755},
		// gzip -9n, as Debian policy wants man pages (Node's gzip header has no name and no time).
		{file: `usr/share/man/man1/${facts.name}.1.gz`, bytes: gzipSync(input.manPage, {level: 9}), mode: 0o644},
		{file: `usr/share/bash-completion/completions/${facts.name}`, bytes: input.completion, mode: 0o644},
		{file: `${doc}/copyright`, bytes: copyright(facts, license !== undefined), mode: 0o644},
		...(license ? [{file: `${doc}/node-LICENSE`, bytes: await readFile(license), mode: 0o644}] : []),
	];
	for (const {file, bytes, mode} of installed) await lay(path.join(root, file), bytes, mode);
	const installedKb = Math.ceil(installed.reduce((sum, {bytes}) => sum + Buffer.byteLength(bytes), 0) / 1024);
	const sums = installed.map(({file, bytes}) => `${createHash('md5').update(bytes).digest('hex')}  ${file}`);

	// dpkg-shlibdeps reads a source package's debian/control; a minimal one in the scratch folder.
	await lay(path.join(work, 'debian/control'), `Source: ${facts.name}\n\nPackage: ${facts.name}\nArchitecture: any\n`, 0o644);
	const shlibs = await output('dpkg-shlibdeps', ['-O', '-e', path.join(root, binary)], work);
	const depends = /^shlibs:Depends=(.*)$/m.exec(shlibs)?.[1] ?? '';

	await lay(path.join(root, 'DEBIAN/control'), controlFile(facts, {arch, installedKb, depends}), 0o644);
	await lay(path.join(root, 'DEBIAN/md5sums'), `${sums.join('\n')}\n`, 0o644);
	await folderModes(root);

	const deb = path.join(input.outDir, debFileName(facts, arch));
	await mkdir(input.outDir, {recursive: true});
	// xz, which every dpkg reads; level 1 is within 15% of the default's size in a tenth of its time.
	await output('dpkg-deb', ['--root-owner-group', '-Zxz', '-z1', '--build', root, deb]);
	return deb;
}
