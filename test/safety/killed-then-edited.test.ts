// A run killed after it wrote a row of files but before its journal named what it wrote (their
// SHA-256s, saved once after the row's last write) leaves those records empty. The run that
// continues it finds the files right and fills the SHA-256s in: a file edited by hand after that
// is then put back by undo only as "edited since", never overwritten unseen. The killed run's disk
// is made here as a SIGKILL in that window leaves it (the journal and progress of an unfinished run).
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {parseJournal} from '../../source/model/journal-record.js';
import {createSystem} from '../../source/system/system.js';
import {runSetup} from '../../source/use-cases/setup.js';
import {undoLastRun} from '../../source/use-cases/undo.js';
import {tempRoot} from '../helpers/temp-root.js';

const zk = 'etc/mesos/zk';

it('a continued run fills in what the killed one wrote, so undo still asks before it puts back a hand edit', async () => {
	const root = await tempRoot();
	await mkdir(path.join(root, 'etc/mesos'), {recursive: true});
	await writeFile(path.join(root, zk), 'zk://old.example:2181/mesos\n');
	const first = await runSetup(await createSystem({root}), {});
	expect(first.ok).toBe(true);

	// The disk of a run killed between its configuration row's writes and that row's closing save.
	const journalFile = path.join(root, 'var/backups/mesos-setup', first.runId, 'journal.json');
	const {journal} = parseJournal(await readFile(journalFile, 'utf8'));
	if (!journal) throw new Error('no journal');
	const {finished: _finished, ...unfinished} = journal;
	await writeFile(journalFile, `${JSON.stringify({...unfinished, entries: journal.entries.map(entry => (entry.path === `/${zk}` ? {...entry, sha256: ''} : entry))}, null, 2)}\n`);
	const stateFile = path.join(root, 'var/lib/mesos-setup/state.json');
	const {setUpAt: _setUpAt, ...state} = JSON.parse(await readFile(stateFile, 'utf8')) as {setUpAt?: string; progress: object};
	await writeFile(stateFile, JSON.stringify({...state, progress: {runId: first.runId, completed: ['preflight', 'key', 'repository', 'install', 'overrides'], finished: false}}));

	const again = await runSetup(await createSystem({root}), {});
	expect(again.ok).toBe(true);
	expect(again.runId).toBe(first.runId);
	const filled = parseJournal(await readFile(journalFile, 'utf8')).journal?.entries.find(entry => entry.path === `/${zk}`);
	expect(filled?.sha256).toMatch(/^[0-9a-f]{64}$/);

	await writeFile(path.join(root, zk), 'zk://by-hand.example:2181/mesos\n');
	const undone = await undoLastRun(await createSystem({root}));
	expect(undone?.lines.find(line => line.path === `/${zk}`)?.outcome).toBe('restored (it had been edited since)');
	expect(await readFile(path.join(root, zk), 'utf8')).toBe('zk://old.example:2181/mesos\n');
});
