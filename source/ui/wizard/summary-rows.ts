// The summary's rows at a width: a heading per step, then its commands, checks, probes and files,
// long ones wrapped under their first row (never cut); each file row carries its place in the
// summary's file list, so the cursor can be kept in view.
import {emptyStepNote, type FileState, type SummaryItem, type SummaryStep} from '../../model/change-summary.js';
import {type ScrollWindow, scrollWindow} from '../components/scroll/scroll-window.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';

export type SummaryRow = {text: string; tone: 'heading' | 'command' | 'check' | FileState; file?: number};

// A copy is the installer's own (no shell command to show); a stop says where a run stops to ask.
const verbs: Record<SummaryItem['verb'], string> = {run: '$', copy: '+', check: '·', probe: '·', write: '✎', remove: '-', stop: '!'};

export function summaryRows(steps: readonly SummaryStep[], files: readonly string[], width: number): SummaryRow[] {
	const rows: SummaryRow[] = [];
	for (const step of steps) {
		rows.push({text: step.title, tone: 'heading'});
		if (step.items.length === 0) for (const text of wrapRows(emptyStepNote(step), width - 2, '')) rows.push({text: `  ${text}`, tone: 'check'});
		for (const item of step.items) {
			const file = item.file ? files.indexOf(item.file.path) : -1;
			const tone: SummaryRow['tone'] = item.file ? item.file.state : item.verb === 'run' || item.verb === 'copy' ? 'command' : 'check';
			// Only a file's first row carries it: the cursor marks that one.
			wrapRows(`${verbs[item.verb]} ${item.text}`, width - 4, '    ').forEach((text, at) => rows.push({text: `  ${text}`, tone, ...(file >= 0 && at === 0 ? {file} : {})}));
		}
	}
	return rows;
}

// Which rows fit in `height`, the first row of the chosen file among them, with a row above and
// below counting what is out of view (scrollWindow, as the preflight's list and the diffs). The
// first file shows as much as fits of what comes before it (the key's commands), the last of what
// comes after it (the services started); another file is centred.
export function summaryWindow(rows: readonly SummaryRow[], chosen: number, height: number): ScrollWindow {
	const at = Math.max(0, rows.findIndex(row => row.file === chosen));
	const first = !rows.slice(0, at).some(row => row.file !== undefined);
	const last = !rows.slice(at + 1).some(row => row.file !== undefined);
	const offsets = [...(first ? [0, at - (height - 3)] : []), ...(last ? [rows.length, at] : []), at - Math.floor((height - 2) / 2)];
	const windows = offsets.map(offset => scrollWindow(rows.length, height, offset));
	return windows.find(window => at >= window.start && at < window.start + window.visible) ?? scrollWindow(rows.length, height, at);
}
