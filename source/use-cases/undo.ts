// Undo: the files of the last run back as they were (from its backups), the files it created
// removed, and the saved state as it was before that run: its answers, and for a setup its
// progress, so a machine whose only setup was undone is no longer called set up. The preview says
// all of that before anything changes; the restart of the services that read the files is offered
// after (restartServices), never done by undo itself.
import {type Answers, resolveValues} from '../model/answers.js';
import {buildPlan} from '../model/plan.js';
import {servicesReading, type UndoFile, type UndoPreview, whatUndoKeeps} from '../model/undo-preview.js';
import type {JournalFile, UndoLine} from '../model/journal-record.js';
import {newRunId} from '../system/journal.js';
import {lastUndoableRun} from '../system/journal-reading.js';
import type {System} from '../system/system.js';
import {checkUndo, putBackRun, type Step} from '../system/undo.js';
import {refuseUnsafeRealRun} from './real-machine.js';
import {underRunLock} from './run-lock.js';
import type {UseCaseOptions} from './use-case-options.js';

export type {UndoPreview} from '../model/undo-preview.js';
export type {UndoLine} from '../model/journal-record.js';

export type UndoEvent = {type: 'undone'; line: UndoLine} | {type: 'notice'; line: string};

export type UndoDone = {
	runId: string;
	startedAt: string;
	lines: UndoLine[];
	// The services that read a file that was put back: restart them to use the old values.
	services: UndoPreview['services'];
	// The saved answers now (those from before the undone run).
	answers: Answers;
	// The undone run was a setup (not an edit), and whether a setup still counts as done here.
	setupRun: boolean;
	setUp: boolean;
	// Where the copies of the files edited by hand since the run are kept (in the root), if any was.
	keptIn?: string;
};

// What undo would do, once it is sure it can: a backup missing or damaged, or too little room, is
// refused here (a StepError), before a screen asks or a dry run says "would restore".
export async function previewUndo(system: System): Promise<UndoPreview | undefined> {
	const run = await lastUndoableRun(system.fs);
	if (!run) return undefined;
	await checkUndo(system.fs, run);
	return previewOf(system, run);
}

// The undo itself checks again under its lock (system/undo.ts), so its own preview need not; nor
// does cluster undo's, made of runs it has just checked.
export function previewOf(system: System, run: JournalFile): UndoPreview {
	const files: UndoFile[] = [...run.entries].reverse().map(entry => ({path: entry.path, action: entry.existed && entry.backup ? 'restore' : 'remove'}));
	const setupRun = run.kind === 'setup';
	// The files are named by the plan of the answers before the run and of those it saved.
	const plans = [run.answersBefore ?? {}, system.state.answers()].map(answers => buildPlan(resolveValues(answers), system.facts));
	const paths = files.map(file => file.path);
	return {runId: run.runId, startedAt: run.startedAt, setupRun, files, services: servicesReading(paths, plans), keeps: whatUndoKeeps(files, setupRun, system.sandbox)};
}

// Puts the last run back, under the run lock. A dry run changes nothing and says so; the real
// machine needs root.
export async function undoLastRun(system: System, options: UseCaseOptions<UndoEvent> = {}): Promise<UndoDone | undefined> {
	refuseUnsafeRealRun(system, 'undo', 'puts back files in /etc');
	if (system.dryRun) throw new Error('this is a dry run (--dry-run), so nothing is changed; run without it to undo');
	return underRunLock(system, 'undo', line => options.onEvent?.({type: 'notice', line}), async () => {
		const found = await lastUndoableRun(system.fs);
		return found ? putBack(system, found, await checkUndo(system.fs, found), options) : undefined;
	});
}

// `run` put back from the steps checkUndo gave for it, by a caller that holds the run lock it was
// checked under (undoLastRun here; cluster undo for every node at once): the files, then the saved
// answers and progress.
export async function putBack(system: System, run: JournalFile, steps: Step[], options: UseCaseOptions<UndoEvent> = {}): Promise<UndoDone> {
	const preview = previewOf(system, run);
	const {lines, keptIn} = await putBackRun(system.fs, run, steps, newRunId(system.now()), system.now());
	for (const line of lines) options.onEvent?.({type: 'undone', line});
	// A setup's progress goes back too; an older journal without it leaves the progress as it is.
	system.state.restore(run.answersBefore ?? system.state.answers(), run.kind === 'setup' ? (run.progressBefore ?? system.state.saved()) : undefined);
	return {runId: run.runId, startedAt: run.startedAt, lines, services: preview.services, answers: system.state.answers(), setupRun: preview.setupRun, setUp: system.state.setUpBefore(), ...(keptIn ? {keptIn} : {})};
}
