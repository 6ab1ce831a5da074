// What undo will do before it does it: every file of the last run it puts back or removes, the
// services that read those files (to restart once they are back), and what undo does not undo.
import type {Plan} from './plan.js';
import {aptKeyringPath, keyringPath} from './files.js';
import {type ServiceName, startOrder} from './services.js';

export type UndoFile = {path: string; action: 'restore' | 'remove'};

// Said when no run is left to put back: none changed files here, or every one that did is undone
// already (after an undo, "no earlier run changed files" was untrue). `where`: " under ROOT" or "".
export const nothingToUndo = (where = ''): string => `Nothing to undo: every run that changed files${where} has been undone, or none has.`;

export type UndoPreview = {
	runId: string;
	startedAt: string;
	// A setup run (not an edit): it may have installed packages and trusted the key.
	setupRun: boolean;
	files: UndoFile[];
	// Services that read a file undo changes: they keep the old values until restarted.
	services: ServiceName[];
	// What undo leaves as it is, one sentence each.
	keeps: string[];
};


// The services whose files are among `paths`, by the plans' file actions, in start order.
export function servicesReading(paths: readonly string[], plans: readonly Plan[]): ServiceName[] {
	const wanted = new Set<ServiceName>();
	for (const plan of plans) {
		for (const action of plan.steps.flatMap(step => step.actions)) {
			if (action.kind === 'file' && paths.includes(action.path)) for (const service of action.restarts) wanted.add(service);
		}
	}
	return startOrder.filter(service => wanted.has(service));
}

export function whatUndoKeeps(files: readonly UndoFile[], setupRun: boolean, sandbox: boolean): string[] {
	const keeps: string[] = [];
	if (setupRun) {
		keeps.push('Installed packages stay installed (apt-get remove mesosphere removes them); apt’s package lists keep what apt-get update fetched.');
		if (!files.some(file => file.path === keyringPath || file.path === aptKeyringPath)) keeps.push('The repository key stays trusted: this run did not change how it is trusted.');
	}
	keeps.push(
		sandbox
			? 'A sandbox runs no services, so none is stopped or restarted.'
			: 'Running services are not stopped: they keep what they read when they started, until they are restarted.',
	);
	return keeps;
}
