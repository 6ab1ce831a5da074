// What a setup will do, said once: every command it runs, every check and probe, and every file it
// writes with whether that file is new, changed or unchanged against what is on disk. `plan`
// prints these lines (with each file's content), `setup --yes` prints them before it starts, and
// the wizard's summary shows them, with each file's diff, before its first change. Pure: what is
// on disk comes in as a map (undefined: absent).
import {newContent} from './file-content.js';
import {type Action, type FileAction, keyFetchArgv, type Plan, type Step, type StepId} from './plan.js';
import {probeCommandForScript} from './probe-commands.js';
import {shellQuote} from './script.js';

export type FileState = 'new' | 'changed' | 'removed' | 'unchanged';

export type FileChange = {
	path: string;
	state: FileState;
	// What the diff compares: the file now, or, for a file the package installs (zoo.cfg), the
	// package's sample it starts from.
	before: string | undefined;
	// undefined: the file is removed (an emptied setting that writes no file).
	after: string | undefined;
	fromSample: boolean;
	notes: string[];
};

export type SummaryVerb = 'check' | 'run' | 'write' | 'remove' | 'copy' | 'probe' | 'stop';

export type SummaryItem = {verb: SummaryVerb; text: string; file?: FileChange};

export type SummaryStep = {id: StepId; title: string; summary: string; items: SummaryItem[]};

export type DiskFiles = ReadonlyMap<string, string | undefined>;

const argvText = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

export function fileChange(action: FileAction, old: string | undefined): FileChange {
	const after = newContent(action.edit, old);
	const sample = old === undefined && action.edit.format === 'properties' ? action.edit.base : undefined;
	const state: FileState = old === after ? 'unchanged' : after === undefined ? 'removed' : old === undefined ? 'new' : 'changed';
	return {path: action.path, state, before: old ?? sample, after, fromSample: sample !== undefined, notes: action.notes};
}

const stateWords: Record<FileState, string> = {new: 'new file', changed: 'changed', removed: 'removed', unchanged: 'unchanged'};

function fileText(action: FileAction, change: FileChange): string {
	if (action.edit.format === 'absent') return `${action.path}   (${change.before === undefined ? 'not there' : 'removed'}: ${action.settings.join(', ')} empty writes no file)`;
	// A new file is written, not edited: "edited in place" only where there is one.
	const how = action.edit.format === 'whole' || (change.state === 'new' && !change.fromSample) ? '' : `, ${action.edit.format} file edited in place`;
	const sample = change.fromSample ? ", from the package's sample" : '';
	return `${action.path}   (${stateWords[change.state]}${sample}${how})`;
}

export function summaryItems(action: Action, disk: DiskFiles): SummaryItem[] {
	switch (action.kind) {
		case 'check':
			return [{verb: 'check', text: action.title}];
		case 'import-key': {
			const fetch = keyFetchArgv(action).map(argv => ({verb: 'run' as const, text: `${argvText(argv)}   (in a throwaway GNUPGHOME)`}));
			if (action.fingerprint === '') {
				return [...fetch, {verb: 'stop', text: 'the key is not pinned: its fingerprint and user ids are shown, nothing is trusted until repo.fingerprint names it'}];
			}
			return [
				...fetch,
				{verb: 'check', text: `the key has the full fingerprint ${action.fingerprint}; otherwise nothing is trusted`},
				action.method === 'apt-key' ? {verb: 'run', text: 'apt-key add -   (the exported key)'} : {verb: 'write', text: `${action.keyring}   (the exported key, for signed-by)`},
			];
		}
		case 'local-repository':
			return [
				{verb: 'copy', text: `${action.folder}/*.deb to ${action.path}`},
				{verb: 'run', text: `apt-ftparchive packages .   (in ${action.path}, written to ${action.path}/Packages)`},
			];
		case 'run':
			return [{verb: 'run', text: `${action.env ? `${Object.entries(action.env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : ''}${argvText(action.argv)}`}];
		case 'file': {
			const file = fileChange(action, disk.get(action.path));
			return [{verb: action.edit.format === 'absent' ? 'remove' : 'write', text: fileText(action, file), file}];
		}
		case 'service':
			return [
				{verb: 'run', text: argvText(action.argv)},
				{verb: 'probe', text: `${probeCommandForScript(action.probe).comment}, within ${action.deadlineMs / 1000} s`},
			];
	}
}

// One line per item, as `plan` prints it.
export const itemLine = (item: SummaryItem): string => `${item.verb.padEnd(6)} ${item.text}`;

// The files whose content the summary compares: read them from disk first.
export const filesToRead = (steps: readonly Step[]): string[] => [...new Set(steps.flatMap(step => step.actions.flatMap(action => (action.kind === 'file' ? [action.path] : []))))];

// The steps that change the machine: everything after the preflight, which only reads it.
export const changingSteps = (plan: Plan): Step[] => plan.steps.filter(step => step.id !== 'preflight');

export const changeSummary = (steps: readonly Step[], disk: DiskFiles): SummaryStep[] =>
	steps.map(step => ({id: step.id, title: step.title, summary: step.summary, items: step.actions.flatMap(action => summaryItems(action, disk))}));

export type SummaryCounts = {commands: number} & Record<FileState, number>;

// What the summary adds up to: commands that run, and each file counted once by what happens to it.
export function summaryCounts(steps: readonly SummaryStep[]): SummaryCounts {
	const counts: SummaryCounts = {commands: 0, new: 0, changed: 0, removed: 0, unchanged: 0};
	const seen = new Set<string>();
	for (const item of steps.flatMap(step => step.items)) {
		if (item.verb === 'run') counts.commands += 1;
		if (item.file && !seen.has(item.file.path)) {
			seen.add(item.file.path);
			counts[item.file.state] += 1;
		}
	}
	return counts;
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

// Only what there is: no "0 changed" (a count of nothing says nothing).
export function countsLine(counts: SummaryCounts): string {
	const files = (['new', 'changed', 'removed', 'unchanged'] as const).filter(state => counts[state] > 0).map(state => `${counts[state]} ${state}`);
	const parts = [...(counts.commands > 0 ? [`${plural(counts.commands, 'command')} to run`] : []), ...(files.length > 0 ? [`files: ${files.join(', ')}`] : [])];
	return parts.length > 0 ? `${parts.join('; ')}.` : 'Nothing to run and no file to write.';
}

// What stands under a step's heading: its items, or, for a step with nothing to do for this
// source or role (a folder's key), the sentence that says why, so no heading stands empty.
export const emptyStepNote = (step: {summary: string}): string => `nothing to do: ${step.summary}`;

// The summary as plain lines, for `setup --yes` before it starts: each step's title, then its
// lines indented (a step's own "== Title" line is printed only when it runs).
export function summaryLines(steps: readonly SummaryStep[]): string[] {
	const under = (step: SummaryStep): string[] => (step.items.length > 0 ? step.items.map(item => `  ${itemLine(item)}`) : [`  ${emptyStepNote(step)}`]);
	return [...steps.flatMap(step => [`${step.title}:`, ...under(step)]), countsLine(summaryCounts(steps))];
}
