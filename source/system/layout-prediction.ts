// Before the install: the layout the chosen source's packages will read (model/layout-prediction.ts
// judges), read without changing anything. A folder's .debs are read with dpkg-deb: the mesos
// package's version and what its agent unit or init script runs, Marathon's version. An apt source's
// index (the one preflight reads) gives the versions apt would install; the agent's role then
// follows mesos-packaging's rule by version. (A Contents index would not tell more: it lists paths,
// and both packagings ship the same ones, /etc/mesos-slave and mesos-slave.service; only what the
// unit runs differs.) All of it through the System, so a cluster node's source is read on the node
// (its folder, its architecture, its index as curl there fetches it) by the same code.
import type {Values} from '../model/answers.js';
import {debsIn, packagesIn} from '../model/apt-index.js';
import type {Facts} from '../model/facts.js';
import {agentServiceFiles} from '../model/files.js';
import {predictedFacts, type SourcePackages, unpredicted} from '../model/layout-prediction.js';
import {preflightStep, type Step} from '../model/plan.js';
import {sourceOf} from '../model/repository-settings.js';
import {bashScript} from '../model/remote-command.js';
import {createCommandRunner} from './runner.js';
import {readerHere} from './source-index.js';
import type {System} from './system.js';
import {createTargetFs} from './target-fs.js';

// What a prediction reads through: a machine's files, commands and package source reader.
export type SourceSystem = Pick<System, 'facts' | 'fs' | 'commands' | 'sandbox' | 'sourceReader'>;

// This machine read on behalf of machines that are not reached (cluster plan): the source as apt
// here would read it (a folder, if it is here too; the index, for this machine's architecture),
// said as read here, with the facts given.
export const readHereFor = (facts: Facts): SourceSystem => ({facts, fs: createTargetFs('/'), commands: createCommandRunner(), sandbox: false, sourceReader: {...readerHere, place: 'read on this machine'}});

const timeoutMs = 60_000;

// What a .deb's agent unit, upstart job or init script say, read from the package without
// unpacking it anywhere: its file list, then only those members through tar.
async function agentServiceTexts(system: SourceSystem, deb: string): Promise<string[] | undefined> {
	const listing = await system.commands.run(['dpkg-deb', '--contents', deb], {timeoutMs});
	if (!listing.ok) return undefined;
	const members = listing.stdout
		.split('\n')
		.map(line => /\s(\.?\/\S+)$/.exec(line)?.[1] ?? '')
		.filter(member => (agentServiceFiles as readonly string[]).includes(member.replace(/^\./, '')));
	if (members.length === 0) return [];
	const script = 'set -o pipefail; dpkg-deb --fsys-tarfile "$1" | tar --extract --to-stdout --file - "${@:2}"';
	const result = await system.commands.run(bashScript(script, [deb, ...members]), {timeoutMs});
	return result.ok ? [result.stdout] : undefined;
}

async function debVersion(system: SourceSystem, deb: string): Promise<string | undefined> {
	const result = await system.commands.run(['dpkg-deb', '--field', deb, 'Version'], {timeoutMs});
	return result.ok && result.stdout.trim() ? result.stdout.trim() : undefined;
}

async function folderPackages(system: SourceSystem, folder: string): Promise<SourcePackages> {
	// TargetFs lists a missing folder as empty: said as missing, not as a folder without packages.
	if (!(await system.fs.exists(folder))) throw new Error(`${placed(system, folder)} does not exist`);
	const listed = await system.fs.list(folder).catch((error: unknown) => {
		throw new Error(`${placed(system, folder)} cannot be listed (${(error as {code?: string}).code ?? (error as Error).message})`);
	});
	const names = listed.filter(name => name.endsWith('.deb')).sort();
	const byName = debsIn(names);
	const fileOf = (pkg: string): string | undefined => names.filter(name => name.startsWith(`${pkg}_`) && debsIn([name]).has(pkg)).at(-1);
	const found: SourcePackages = {where: placed(system, folder)};
	const canRead = await system.commands.has('dpkg-deb');
	for (const pkg of ['mesos', 'marathon'] as const) {
		const file = fileOf(pkg);
		if (!file) continue;
		// The commands run where the files are: a sandbox's under its root here, a node's on the node.
		const host = system.sandbox ? system.fs.resolve(`${folder}/${file}`).host : `${folder}/${file}`;
		found[pkg] = (canRead ? await debVersion(system, host) : undefined) ?? byName.get(pkg);
		if (pkg === 'mesos' && canRead) {
			const texts = await agentServiceTexts(system, host);
			if (texts && texts.length > 0) found.agentServiceFiles = texts;
		}
	}
	return found;
}

async function indexPackages(system: SourceSystem, values: Values, signal: AbortSignal | undefined, preflight: Step | undefined): Promise<SourcePackages | string> {
	const check = (preflight ?? preflightStep(values, system.facts)).actions
		.flatMap(action => (action.kind === 'check' && action.check.kind === 'source-index' ? [action.check] : []))[0];
	if (!check) return 'no index to read';
	const arch = await system.sourceReader.arch();
	// Kept for the preflight, which reads the same index next (source-index.ts).
	const {packages} = await system.sourceReader.readIndex(check, arch, {keep: true, ...(signal ? {signal} : {})});
	if (packages === undefined) return `${placed(system, check.where)} has no Packages for ${check.suite} ${check.component} (${arch})`;
	const versions = packagesIn(packages);
	return {where: placed(system, `the index of ${check.where} ${check.suite} ${check.component} (${arch})`), ...pick(versions, 'mesos'), ...pick(versions, 'marathon')};
}

// Where it was read, for a person: as given on this machine, with the node's name on a node.
const placed = (system: SourceSystem, where: string): string => (system.sourceReader.place ? `${where} ${system.sourceReader.place}` : where);

const pick = (versions: ReadonlyMap<string, string>, pkg: 'mesos' | 'marathon'): Partial<SourcePackages> => {
	const version = versions.get(pkg);
	return version ? {[pkg]: version} : {};
};

// The machine's facts with the layout its packages will read: from the source where nothing is
// installed yet, else as detected. A source that cannot be read leaves the article's, and says why.
// `preflight`: the preflight step of these values on the facts before the prediction, where the
// caller made it (the index it reads is that step's).
export async function predictLayout(system: SourceSystem, values: Values, signal?: AbortSignal, preflight?: Step): Promise<Facts> {
	const {facts} = system;
	if (facts.versions.mesos !== undefined && facts.versions.marathon !== undefined) return facts;
	try {
		const found = sourceOf(values) === 'folder' ? await folderPackages(system, values['repo.folder']) : await indexPackages(system, values, signal, preflight);
		if (typeof found === 'string') return unpredicted(facts, found);
		if (found.mesos === undefined && found.marathon === undefined) return unpredicted(facts, `${found.where} holds no mesos or marathon package`);
		return predictedFacts(facts, found);
	} catch (error) {
		return unpredicted(facts, `${sourceOf(values) === 'folder' ? 'the folder' : 'the source’s index'} could not be read: ${(error as Error).message}`);
	}
}
