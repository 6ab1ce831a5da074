// A run killed after it wrote a row of files but before its journal named what it wrote (their
// SHA-256s, saved once after the row's last write) leaves those records empty. The run that
// continues it finds the files right and fills the SHA-256s in: a file edited by hand after that
// is then put back by undo as "edited since", a copy of the edit kept; an undo before any such run
// keeps a copy of each file it cannot tell, and says so. The killed run's disk
// is made here as a SIGKILL in that window leaves it (the journal and progress of an unfinished run).
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {parseJournal} from '../../source/model/journal-record.js';
import {undoCounts} from '../../source/model/local-time.js';
import {readJournals} from '../../source/system/journal-reading.js';
import {createSystem} from '../../source/system/system.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {runSetup} from '../../source/use-cases/setup.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {tempRoot} from '../helpers/temp-root.js';

const zk = 'etc/mesos/zk';

// A setup run to its end over a machine with /etc/mesos/zk, then its disk made as a SIGKILL between
// the configuration row's writes and that row's closing save leaves it: the journal unfinished, the
// row's files (those `inRow` names) without a SHA-256, the progress not finished.
async function killedInConfiguration(inRow: (file: string) => boolean): Promise<{root: string; runId: string; journalFile: string}> {
	const root = await tempRoot();
	await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
	await writeFile(path.join(root, zk), 'zk://old.example:2181/mesos\n');
	const first = await runSetup(await createSystem({root}), {});
	expect(first.ok).toBe(true);
	const journalFile = path.join(root, 'var/backups/mesos-setup', first.runId, 'journal.json');
	const {journal} = parseJournal(await readFile(journalFile, 'utf8'));
	if (!journal) throw new Error('no journal');
	const {finished: _finished, ...unfinished} = journal;
	await writeFile(journalFile, `${JSON.stringify({...unfinished, entries: journal.entries.map(entry => (inRow(entry.path) ? {...entry, sha256: ''} : entry))}, null, 2)}\n`);
	const stateFile = path.join(root, 'var/lib/mesos-setup/state.json');
	const {setUpAt: _setUpAt, ...state} = JSON.parse(await readFile(stateFile, 'utf8')) as {setUpAt?: string; progress: object};
	await writeFile(stateFile, JSON.stringify({...state, progress: {runId: first.runId, completed: ['preflight', 'key', 'repository', 'install', 'overrides'], finished: false}}));
	return {root, runId: first.runId, journalFile};
}

it('a continued run fills in what the killed one wrote, so undo again tells a hand edit made after it', async () => {
	const {root, runId, journalFile} = await killedInConfiguration(file => file === `/${zk}`);
	const again = await runSetup(await createSystem({root}), {});
	expect(again.ok).toBe(true);
	expect(again.runId).toBe(runId);
	const filled = parseJournal(await readFile(journalFile, 'utf8')).journal?.entries.find(entry => entry.path === `/${zk}`);
	expect(filled?.sha256).toMatch(/^[0-9a-f]{64}$/);

	await writeFile(path.join(root, zk), 'zk://by-hand.example:2181/mesos\n');
	const undone = await undoLastRun(await createSystem({root}));
	expect(undone?.lines.find(line => line.path === `/${zk}`)?.outcome).toBe('restored (it had been edited since)');
	expect(await readFile(path.join(root, zk), 'utf8')).toBe('zk://old.example:2181/mesos\n');
});

it('an undo right after the kill keeps a copy of each file the killed run never recorded, and says so', async () => {
	// Every file of the configuration row (not the overrides, not the repository's list) unrecorded.
	const {root} = await killedInConfiguration(file => !file.startsWith('/etc/init/') && !file.startsWith('/etc/apt/'));
	await writeFile(path.join(root, zk), 'zk://by-hand.example:2181/mesos\n');

	const undone = await undoLastRun(await createSystem({root}));
	const outcome = (file: string) => undone?.lines.find(line => line.path === file)?.outcome;
	expect(outcome(`/${zk}`)).toBe('restored (kept a copy: unrecorded write)');
	expect(outcome('/etc/mesos-master/quorum')).toBe('removed (kept a copy: unrecorded write)');
	// Counted as what was done: one file put back (/etc/mesos/zk), every other one removed.
	expect(undoCounts(undone?.lines ?? [])).toBe(`restored 1 file, removed ${(undone?.lines.length ?? 0) - 1} files it had created`);
	// Files whose SHA-256 was recorded are as before.
	expect(outcome('/etc/init/zookeeper.override')).toBe('removed');
	expect(await readFile(path.join(root, zk), 'utf8')).toBe('zk://old.example:2181/mesos\n');
	// The hand edit is among the copies undo kept, in its own journal's folder.
	const undoRun = (await readJournals(createTargetFs(root))).find(run => run.kind === 'undo');
	const kept = undoRun?.entries.find(entry => entry.path === `/${zk}`);
	expect(await readFile(path.join(root, 'var/backups/mesos-setup', undoRun?.runId ?? '', kept?.backup ?? ''), 'utf8')).toBe('zk://by-hand.example:2181/mesos\n');
});
