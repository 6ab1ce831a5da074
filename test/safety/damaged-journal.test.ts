// Issue 9: undo checks before it touches. Each way a journal or its backups can be damaged is
// refused with exit 1 and a message naming what is missing or damaged, and nothing changes (not
// even mesos-setup's own folders); mended, the same undo then works.
import {mkdir, readdir, readFile, rm, truncate, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';
import {exactTree, inParallel, machineBefore} from './machine-before.js';

type Journal = {runId: string; entries: {path: string; backup?: string; existed: boolean}[]} & Record<string, unknown>;

type Damage = {name: string; says: RegExp; damage(run: string, journal: Journal): Promise<void>};

const writeJournal = (run: string, value: unknown) => writeFile(path.join(run, 'journal.json'), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const backedUp = (journal: Journal) => journal.entries.find(e => e.backup) as {path: string; backup: string};

const damages: Damage[] = [
	{name: 'a backup missing', says: /the backup of \/etc\/\S+ \(.*\) is missing/, damage: (run, j) => rm(path.join(run, backedUp(j).backup))},
	{name: 'a backup cut to 0 bytes', says: /the backup of \/etc\/\S+ \(.*\) is damaged: 0 bytes, the journal says \d+/, damage: (run, j) => truncate(path.join(run, backedUp(j).backup), 0)},
	{
		name: 'a backup changed, same size',
		says: /the backup of \/etc\/\S+ \(.*\) is damaged: its SHA-256 is not the one the journal kept/,
		async damage(run, j) {
			const file = path.join(run, backedUp(j).backup);
			const bytes = await readFile(file);
			bytes[0] = (bytes[0] ?? 0) ^ 1;
			await writeFile(file, bytes);
		},
	},
	{name: 'a backup that is a folder', says: /the backup of \/etc\/\S+ .* cannot be read: .*is a folder, not a regular file/, damage: async (run, j) => {
		await rm(path.join(run, backedUp(j).backup));
		await mkdir(path.join(run, backedUp(j).backup));
	}},
	{name: 'the journal empty', says: /journal\.json \(it is empty\)/, damage: run => writeJournal(run, '')},
	{name: 'the journal cut short', says: /journal\.json \(it is not valid JSON/, damage: async run => writeJournal(run, (await readFile(path.join(run, 'journal.json'), 'utf8')).slice(0, 200))},
	{name: 'entries of the wrong type', says: /journal\.json \(entries is not a list\)/, damage: (run, j) => writeJournal(run, {...j, entries: 'all of them'})},
	{name: 'an entry of the wrong type', says: /journal\.json \(entry 1: existed is not true or false/, damage: (run, j) => writeJournal(run, {...j, entries: [{...j.entries[0], existed: 'yes'}, ...j.entries.slice(1)]})},
	{name: 'a kind it does not know', says: /kind "apply" is not setup, edit or undo/, damage: (run, j) => writeJournal(run, {...j, kind: 'apply'})},
	{name: 'a path that climbs', says: /entry 1: path "\/etc\/\.\.\/\.\.\/outside" is not an absolute, normal file path/, damage: (run, j) => writeJournal(run, {...j, entries: [{...j.entries[0], path: '/etc/../../outside'}, ...j.entries.slice(1)]})},
	{name: 'a backup name that leaves the run folder', says: /the backup name "\.\.\/\.\.\/\.\.\/etc\/hosts" is not one mesos-setup makes/, damage: (run, j) => writeJournal(run, {...j, entries: j.entries.map(e => (e.backup ? {...e, backup: '../../../etc/hosts'} : e))})},
	{name: 'no hash kept for a backup', says: /the backup's SHA-256 is missing/, damage: (run, j) => writeJournal(run, {...j, entries: j.entries.map(e => (e.backup ? {...e, backupSha256: undefined} : e))})},
	{name: 'a journal of another run', says: /it names run other-run/, damage: (run, j) => writeJournal(run, {...j, runId: 'other-run'})},
	{name: 'the journal a FIFO', says: /journal\.json is a FIFO, not a regular file/, damage: async run => {
		await rm(path.join(run, 'journal.json'));
		await execa('mkfifo', [path.join(run, 'journal.json')]);
	}},
];

it(`undo refuses each of ${damages.length} damaged journals or backups, changing nothing, and works once mended`, {timeout: 300_000}, async () => {
	// One machine set up once, copied (owners too) for each damage.
	const template = await tempRoot();
	await machineBefore(template);
	const before = await exactTree(template);
	expect((await runCli(['setup', '--yes', '--root', template])).exitCode).toBe(0);
	await inParallel(damages, 4, async ({name, says, damage}) => {
		const root = await tempRoot();
		await execa('cp', ['-a', `${template}/.`, root]);
		const [id = ''] = await readdir(path.join(root, 'var/backups/mesos-setup'));
		const run = path.join(root, 'var/backups/mesos-setup', id);
		const journalText = await readFile(path.join(run, 'journal.json'), 'utf8');
		await damage(run, JSON.parse(journalText) as Journal);
		const damaged = await readTree(root, () => false, {folders: true, owners: true});
		// A dry run says the same refusal, never "would restore" for an undo that cannot start.
		const dry = await runCli(['undo', '--yes', '--dry-run', '--root', root]);
		expect(dry.exitCode, `${name}, dry run: ${dry.stdout}${dry.stderr}`).toBe(1);
		expect(dry.stderr, `${name}, dry run`).toMatch(says);
		expect(dry.stdout, `${name}, dry run`).not.toContain('would restore');
		const result = await runCli(['undo', '--yes', '--root', root]);
		expect(result.exitCode, `${name}: ${result.stdout}${result.stderr}`).toBe(1);
		expect(result.stderr, name).toMatch(says);
		expect(result.stderr, name).toContain('Nothing was changed.');
		expect(await readTree(root, () => false, {folders: true, owners: true}), name).toEqual(damaged);
		// Mended from the template's copy, the same undo puts the machine back.
		await rm(run, {recursive: true, force: true});
		await execa('cp', ['-a', path.join(template, 'var/backups/mesos-setup', id), run]);
		const mended = await runCli(['undo', '--yes', '--root', root]);
		expect(mended.exitCode, `${name}, mended: ${mended.stderr}`).toBe(0);
		expect(await exactTree(root), name).toEqual(before);
	});
});
