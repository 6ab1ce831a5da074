// A folder of .deb files made into a local apt repository: each file copied (through the journal,
// so undo removes them) to the repository's folder, then indexed there by apt-ftparchive into
// Packages, which a `deb [trusted=yes] file:DIR ./` line reads. apt then takes what the packages
// depend on from the machine's other sources.
import type {Outcome} from '../model/apply-events.js';
import type {Action} from '../model/plan.js';
import {sandboxSkip, type OnLine} from './apply-command.js';
import type {Journal} from './journal.js';
import type {System} from './system.js';

type LocalRepository = Extract<Action, {kind: 'local-repository'}>;

export async function makeLocalRepository(
	system: System,
	action: LocalRepository,
	journal: Journal,
	onLine: OnLine,
	signal: AbortSignal | undefined,
): Promise<{outcome: Outcome; changed: string[]}> {
	const debs = (await system.fs.list(action.folder).catch(() => [] as string[])).filter(name => name.endsWith('.deb')).sort();
	if (debs.length === 0) {
		return {outcome: {status: 'failed', message: `${action.folder} holds no .deb files: set repo.folder to the folder of your packages`}, changed: []};
	}
	if (system.dryRun) return {outcome: {status: 'would-run', message: `copy ${debs.length} .deb files of ${action.folder} to ${action.path} and index them with apt-ftparchive`}, changed: []};
	const changed: string[] = [];
	for (const name of debs) {
		if (signal?.aborted) return {outcome: {status: 'stopped', message: `stopped after copying ${changed.length} of ${debs.length} .deb files`}, changed};
		const bytes = await system.fs.readBytes(`${action.folder}/${name}`);
		if (bytes === undefined) return {outcome: {status: 'failed', message: `${action.folder}/${name} could not be read`}, changed};
		const result = await journal.write(`${action.path}/${name}`, bytes, {newFileMode: 0o644});
		onLine(`${result === 'unchanged' ? 'kept' : 'copied'} ${name}`, 'stdout');
		if (result !== 'unchanged') changed.push(`${action.path}/${name}`);
	}
	if (system.sandbox) return {outcome: {status: 'wrote', message: `copied ${debs.length} .deb files to ${action.path}; not indexed (${sandboxSkip})`}, changed};
	// Filename fields relative to the repository's folder, as `file:DIR ./` wants them.
	const index = await system.commands.run(['env', '-C', action.path, 'apt-ftparchive', 'packages', '.'], {timeoutMs: 300_000, ...(signal ? {signal} : {})});
	if (index.stopped) return {outcome: {status: 'stopped', message: 'stopped while apt-ftparchive indexed the packages'}, changed};
	if (!index.ok) {
		return {outcome: {status: 'failed', message: `apt-ftparchive could not index ${action.path}: ${index.failure ?? 'it failed'} (it comes with apt-utils: apt-get install apt-utils)`, detail: index.stderr.split('\n').slice(-10)}, changed};
	}
	// Only the folder's own packages: a .deb an earlier run copied from another folder stays on disk
	// (undo removes it) but is not offered to apt.
	const own = new Set(debs.map(name => `./${name}`));
	const paragraphs = index.stdout.split(/\n\s*\n/).filter(paragraph => own.has(/^Filename: (.*)$/m.exec(paragraph)?.[1]?.trim() ?? ''));
	const packages = paragraphs.map(paragraph => `${/^Package: (.*)$/m.exec(paragraph)?.[1] ?? '?'} ${/^Version: (.*)$/m.exec(paragraph)?.[1] ?? '?'}`);
	for (const line of packages) onLine(`indexed ${line}`, 'stdout');
	const written = await journal.write(`${action.path}/Packages`, paragraphs.map(paragraph => `${paragraph.trim()}\n`).join('\n'), {newFileMode: 0o644});
	if (written !== 'unchanged') changed.push(`${action.path}/Packages`);
	return {outcome: {status: changed.length > 0 ? 'wrote' : 'unchanged', message: `${action.path}: ${packages.join(', ')}`}, changed};
}
