// What a killed run leaves: temp files beside the files it was replacing (its own, named for the
// file, and conf's beside state.json). Only the holder of the run lock removes them, since only
// then can no other run be writing one. They can only be in the folders a journal names (a file is
// recorded before it is written), in the run folders, or in the state folder.
import path from 'node:path';
import {parseJournal} from '../model/journal-record.js';
import {backupsDir, journalPath} from './journal.js';
import {stateDir, stateTempPattern} from './state.js';
import {type TargetFs, tempFilePattern} from './target-fs.js';

async function foldersToSweep(fs: TargetFs): Promise<Set<string>> {
	const folders = new Set<string>([stateDir, backupsDir]);
	for (const id of await fs.list(backupsDir)) {
		if ((await fs.info(`${backupsDir}/${id}`))?.kind !== 'folder') continue;
		folders.add(`${backupsDir}/${id}`);
		// A damaged journal names no folders it can be trusted for; undo will name it.
		const text = await fs.read(journalPath(id)).catch(() => undefined);
		const {journal} = text === undefined ? {journal: undefined} : parseJournal(text);
		for (const entry of journal?.entries ?? []) folders.add(path.dirname(entry.path));
	}
	return folders;
}

// Removes them and returns where they were (as target paths). A run folder left empty (a run killed
// while it wrote its first journal) goes too, so the next setup is not a second run beside it.
export async function removeLeftoverTempFiles(fs: TargetFs): Promise<string[]> {
	const removed: string[] = [];
	for (const folder of await foldersToSweep(fs)) {
		for (const name of await fs.list(folder)) {
			if (!tempFilePattern.test(name) && !(folder === stateDir && stateTempPattern.test(name))) continue;
			const target = `${folder === '/' ? '' : folder}/${name}`;
			if ((await fs.info(target))?.kind !== 'file') continue;
			await fs.remove(target);
			removed.push(target);
		}
		if (path.dirname(folder) === backupsDir) await fs.removeEmptyDir(folder);
	}
	return removed;
}
