// npm run package: dist/cli.js (npm run build makes it first) as one executable file that needs
// no Node on the machine, and as a Debian package that installs it as /usr/bin/mesos-setup with
// its man page and bash completion.
//   node --import tsx scripts/package.ts [--out DIR]     (DIR: release/ when not given)
// Needs Node 20.12 or later, strip (binutils), dpkg-deb and dpkg-shlibdeps (dpkg-dev).
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, mkdtemp, rm, stat} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {bashCompletion} from './package/bash-completion.js';
import {buildDebianPackage, type PackageFacts} from './package/debian-package.js';
import {buildExecutable} from './package/executable.js';
import {manPage} from './package/man-page.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

type PackageJson = {name: string; version: string; description: string; license: string; author?: string | {name: string; email?: string}};

// Who the package names as its maintainer: DEBFULLNAME and DEBEMAIL as Debian's own tools read
// them, else package.json's author, else the project itself.
function maintainer(json: PackageJson): string {
	const {DEBFULLNAME: name, DEBEMAIL: email} = process.env;
	if (name && email) return `${name} <${email}>`;
	if (typeof json.author === 'string' && json.author.includes('<')) return json.author;
	if (typeof json.author === 'object' && json.author.email) return `${json.author.name} <${json.author.email}>`;
	return `${json.name} developers <${json.name}@localhost>`;
}

export function packageFacts(json: PackageJson): PackageFacts {
	return {
		name: json.name,
		version: json.version,
		summary: 'terminal installer for Apache Mesos, Marathon and ZooKeeper',
		description: [
			`${json.description}. It takes a machine from nothing to a running cluster: preflight, the repository key checked by its full fingerprint, the apt repository, the packages, service overrides and every configuration file, each previewed as a diff before it is written, then each service started and probed until healthy. Afterwards it edits one setting, shows live status, and undoes what a run changed.`,
			'One executable with Node.js inside: no Node.js needed on the machine.',
		].join('\n\n'),
		maintainer: maintainer(json),
		license: json.license,
	};
}

export type Built = {executable: string; deb: string};

export async function buildPackages(outDir: string): Promise<Built> {
	const bundle = path.join(repo, 'dist/cli.js');
	if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first (npm run package does).`);
	const json = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as PackageJson;
	const facts = packageFacts(json);
	await mkdir(outDir, {recursive: true});
	const work = await mkdtemp(path.join(os.tmpdir(), 'mesos-setup-package-'));
	try {
		const executable = path.join(outDir, facts.name);
		await buildExecutable({bundle, output: executable, work});
		const deb = await buildDebianPackage({facts, executable, manPage: manPage({version: facts.version}), completion: bashCompletion(), outDir, work});
		return {executable, deb};
	} finally {
		await rm(work, {recursive: true, force: true});
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const {values} = parseArgs({options: {out: {type: 'string'}}});
	const outDir = path.resolve(values.out ?? path.join(repo, 'release'));
	try {
		const built = await buildPackages(outDir);
		const mb = async (file: string) => `${((await stat(file)).size / 1_048_576).toFixed(1)} MB`;
		process.stdout.write(`${path.relative(process.cwd(), built.executable)}  ${await mb(built.executable)}  (one executable, no Node needed)\n`);
		process.stdout.write(`${path.relative(process.cwd(), built.deb)}  ${await mb(built.deb)}  (sudo apt install ./${path.basename(built.deb)})\n`);
	} catch (error) {
		process.stderr.write(`npm run package failed: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
}
