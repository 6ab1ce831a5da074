// What the end of an undo says, the same on the undo screen and from `mesos-setup undo`: where the
// copies of the files edited since the run are kept, and why the services that read its files
// would be restarted (the files put back, the files removed, or both: "files put back" was said
// after an undo that only removed files).
import type {UndoLine} from './journal-record.js';

// `where`: the folder as a person finds it (the host path of the undo's own backups folder).
export const copiesKeptIn = (where: string): string => `The copies of the files edited since that run (or not recorded) are kept in ${where}.`;

const counted = (lines: readonly UndoLine[]): {restored: boolean; removed: boolean} => ({
	restored: lines.some(line => line.outcome.startsWith('restored')),
	removed: lines.some(line => line.outcome.startsWith('removed')),
});

// The files the services read that undo changed: "the files put back", "the files removed", or both.
export function filesUndone(lines: readonly UndoLine[]): string {
	const {restored, removed} = counted(lines);
	if (restored && removed) return 'the files put back and removed';
	return removed ? 'the files removed' : 'the files put back';
}

// What a restart does for them: read the old files, go without the removed ones, or both.
export function restartBrings(lines: readonly UndoLine[]): string {
	const {restored, removed} = counted(lines);
	if (restored && removed) return 'to use the files put back and go without those removed';
	return removed ? 'to go without the files removed' : 'to use the files put back';
}
