// Reading the journals the runs left under /var/backups/mesos-setup: every one, the last one
// undo can put back, and a setup to continue. A journal that cannot be trusted stops the reading.
import {type JournalFile, parseJournal} from '../model/journal-record.js';
import {DamagedJournalError} from './damaged-journal.js';
import {backupsDir} from './journal.js';
import type {TargetFiles} from './target-fs.js';

// Every run's journal, in the order they started (the id breaks a tie). One that cannot be read
// or trusted stops the whole reading: which run came last is then unknown.
export async function readJournals(fs: TargetFiles): Promise<JournalFile[]> {
	const journals: JournalFile[] = [];
	const damaged: {file: string; problems: string[]}[] = [];
	for (const id of (await fs.list(backupsDir)).sort()) {
		const info = await fs.info(`${backupsDir}/${id}`);
		if (info?.kind !== 'folder') continue;
		const file = `${backupsDir}/${id}/journal.json`;
		let text: string | undefined;
		try {
			text = await fs.read(file);
		} catch (error) {
			damaged.push({file: fs.hostPath(file), problems: [(error as Error).message]});
			continue;
		}
		// A folder without a journal: a run killed before it recorded anything.
		if (text === undefined) continue;
		const {journal, problems} = parseJournal(text);
		if (!journal) damaged.push({file: fs.hostPath(file), problems});
		else if (journal.runId !== id) damaged.push({file: fs.hostPath(file), problems: [`it names run ${journal.runId}, not ${id}`]});
		else journals.push(journal);
	}
	if (damaged.length > 0) throw new DamagedJournalError(damaged);
	return journals.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
}

// The run `undo` puts back: the last setup or edit not yet undone that changed files.
export async function lastUndoableRun(fs: TargetFiles): Promise<JournalFile | undefined> {
	return (await readJournals(fs)).filter(j => j.kind !== 'undo' && !j.undone && j.entries.length > 0).at(-1);
}

// The setup a new setup continues: the last run, when it is a setup that neither finished nor was
// undone. After an edit or an undo, a setup starts a journal of its own.
export async function setupToContinue(fs: TargetFiles): Promise<JournalFile | undefined> {
	const last = (await readJournals(fs)).filter(j => j.kind !== 'undo').at(-1);
	return last?.kind === 'setup' && !last.finished && !last.undone ? last : undefined;
}

// The files mesos-setup's own runs wrote (setups and edits not undone) that are on disk now: a full
// setup removes one whose settings were all emptied since (Facts.writtenBefore), and never names a
// file mesos-setup did not write: an entry recorded ahead of a write that never came (a killed run)
// names no SHA-256 and is left out. Journals that cannot be trusted give none here (undo names them).
export async function filesWrittenBefore(fs: TargetFiles): Promise<string[]> {
	let journals: JournalFile[];
	try {
		journals = await readJournals(fs);
	} catch (error) {
		if (error instanceof DamagedJournalError) return [];
		throw error;
	}
	const paths = [...new Set(journals.filter(j => j.kind !== 'undo' && !j.undone).flatMap(j => j.entries.filter(entry => entry.sha256 !== '').map(entry => entry.path)))];
	const present = await Promise.all(paths.map(async path => ((await fs.exists(path)) ? [path] : [])));
	return present.flat().sort();
}
