// A setup --yes (runSetup) applies its steps one after another, so a step's end (its journal save
// and its progress) rides with the next save: in a sandbox the next row's record (the progress right
// after it, before the row's first write), then the finish; on a machine also before each command,
// which may take minutes. Two file steps in a row are recorded in one save. Whatever is saved, the
// order stays: the files and the journal that names them, then the progress that says so.
import {readdir, readFile} from 'node:fs/promises';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Progress} from '../../source/system/state.js';
import {createSystem, type System} from '../../source/system/system.js';
import type {TargetFs} from '../../source/system/target-fs.js';
import {restartServices} from '../../source/use-cases/restart-services.js';
import {runSetup} from '../../source/use-cases/setup.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {fakeMachine} from '../wizard/fake-machine.js';

type SavedJournal = {finished?: string; entries: {path: string; sha256: string}[]};

// Each durable save, in order: a journal's (its files, each recorded or written) or the progress.
function watchingSaves(system: System): {system: System; saves: string[]} {
	const saves: string[] = [];
	const fs: TargetFs = {
		...system.fs,
		async write(...args: Parameters<TargetFs['write']>) {
			if (args[0].endsWith('/journal.json')) {
				const journal = JSON.parse(String(args[1])) as SavedJournal;
				const written = journal.entries.filter(entry => entry.sha256 !== '').length;
				saves.push(`journal: ${journal.entries.length} recorded, ${written} written${journal.finished ? ', finished' : ''}`);
			}
			return system.fs.write(...args);
		},
	};
	const state = {
		...system.state,
		saveProgress(progress: Progress) {
			saves.push(`progress: ${progress.completed.join(',')}${progress.finished ? ' finished' : ''}`);
			system.state.saveProgress(progress);
		},
	};
	return {system: {...system, fs, state}, saves};
}

const onDisk = (root: string, file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe('setup --yes in a sandbox', () => {
	it('saves each row’s record with the progress before it, then the journal’s finish with every file written, then the progress, and nothing between', async () => {
		const root = await tempRoot();
		const before = await readTree(root);
		const {system, saves} = watchingSaves(await createSystem({root}));
		const result = await runSetup(system, {});
		expect(result.ok).toBe(true);
		expect(saves).toEqual([
			// The repository's file; the 5 overrides with the 15 configuration files that follow them at
			// once (one record); each record names the rows before written, then their progress.
			'journal: 1 recorded, 0 written',
			'journal: 21 recorded, 1 written',
			'progress: preflight,key,repository,install',
			'journal: 21 recorded, 21 written, finished',
			'progress: preflight,key,repository,install,overrides,configuration,start finished',
		]);
		expect(system.state.setUpBefore()).toBe(true);
		await undoLastRun(system);
		expect(await readTree(root, ownBookkeeping)).toEqual(before);
	});

	it('saves the steps before a stop with the stop: what their rows wrote, then their progress', async () => {
		const root = await tempRoot();
		const {system, saves} = watchingSaves(await createSystem({root}));
		const controller = new AbortController();
		const result = await runSetup(system, {}, {signal: controller.signal, onEvent: event => event.type === 'step-end' && event.step.id === 'overrides' && controller.abort()});
		expect(result.stopped).toBe(true);
		// The configuration's records, made with the overrides', are dropped: it never began.
		expect(saves.slice(-2)).toEqual(['journal: 6 recorded, 6 written', 'progress: preflight,key,repository,install,overrides']);
		expect((onDisk(root, 'var/lib/mesos-setup/state.json') as {progress: Progress}).progress).toMatchObject({completed: ['preflight', 'key', 'repository', 'install', 'overrides'], stoppedAt: 'configuration', finished: false});
	});
});

describe('setup --yes on a machine', () => {
	it('saves the steps before a command before it runs: what a killed run need not do again', async () => {
		const fingerprint = '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF';
		// What the disk held as apt-get update started.
		let atUpdate: {progress?: Progress; journal?: SavedJournal} | undefined;
		let runId = '';
		const {system} = await fakeMachine({
			command(argv, say) {
				if (argv.includes('--fingerprint')) say(`fpr:::::::::${fingerprint}:`);
				if (argv.includes('--export')) say('the exported key');
				if (argv.includes('update')) {
					runId = system.state.progress()?.runId ?? '';
					atUpdate = {
						progress: (onDisk(system.root, 'var/lib/mesos-setup/state.json') as {progress?: Progress}).progress,
						journal: onDisk(system.root, `var/backups/mesos-setup/${runId}/journal.json`) as SavedJournal,
					};
				}
				return {};
			},
			probe: () => ({healthy: true, detail: 'answers (test)'}),
		});
		// Trusted with a keyring file: the key step writes a file too.
		const result = await runSetup(system, {'repo.keyMethod': 'keyring'});
		expect(result.ok).toBe(true);
		expect(atUpdate?.progress).toMatchObject({runId: result.runId, completed: ['preflight', 'key', 'repository'], finished: false});
		expect(atUpdate?.journal?.entries.map(entry => [entry.path, entry.sha256.length])).toEqual([
			['/usr/share/keyrings/mesosphere-archive-keyring.gpg', 64],
			['/etc/apt/sources.list.d/mesosphere.list', 64],
		]);
		const journal = JSON.parse(await readFile(path.join(system.root, 'var/backups/mesos-setup', result.runId, 'journal.json'), 'utf8')) as SavedJournal;
		expect(journal.finished).toBeDefined();
		expect(journal.entries.every(entry => entry.sha256.length === 64)).toBe(true);
	});
});

describe('the saved state made ready ahead of its first save', () => {
	it('only by a setup: a restart from status leaves no state folder behind', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		await restartServices(system, ['zookeeper'], {answers: {}});
		await new Promise(resolve => setImmediate(resolve));
		expect(await readdir(path.join(root, 'var'))).toEqual(['log']);
	});
});
