// The home menu's states: the menu itself, and undo (look, ask, do, say what was done).
import type {UndoLine} from '../../system/journal.js';

export type HomeChoice = 'status' | 'edit' | 'setup' | 'undo' | 'quit';

export type HomeState =
	| {kind: 'menu'}
	| {kind: 'undo-looking'}
	| {kind: 'undo-confirm'; runId: string; startedAt: string; files: string[]}
	| {kind: 'undo-nothing'}
	| {kind: 'undoing'}
	| {kind: 'undo-done'; runId: string; lines: UndoLine[]}
	| {kind: 'undo-failed'; message: string};

export type HomeAction =
	| {type: 'undo-asked'}
	| {type: 'undo-found'; runId: string; startedAt: string; files: string[]}
	| {type: 'undo-nothing'}
	| {type: 'undo-started'}
	| {type: 'undo-done'; runId: string; lines: UndoLine[]}
	| {type: 'undo-failed'; message: string}
	| {type: 'back'};

export const initialHome: HomeState = {kind: 'menu'};

export function homeReducer(state: HomeState, action: HomeAction): HomeState {
	switch (action.type) {
		case 'undo-asked':
			return state.kind === 'menu' ? {kind: 'undo-looking'} : state;
		case 'undo-found':
			return state.kind === 'undo-looking' ? {kind: 'undo-confirm', runId: action.runId, startedAt: action.startedAt, files: action.files} : state;
		case 'undo-nothing':
			return state.kind === 'undo-looking' ? {kind: 'undo-nothing'} : state;
		case 'undo-started':
			return state.kind === 'undo-confirm' ? {kind: 'undoing'} : state;
		case 'undo-done':
			return {kind: 'undo-done', runId: action.runId, lines: action.lines};
		case 'undo-failed':
			return {kind: 'undo-failed', message: action.message};
		case 'back':
			// An undo under way finishes first; leaving mid-way would hide what it did.
			return state.kind === 'undoing' || state.kind === 'undo-looking' ? state : {kind: 'menu'};
	}
}

export const homeChoices: {value: HomeChoice; label: string; hint: string}[] = [
	{value: 'status', label: 'Status', hint: 'live panes per service and the cluster summary'},
	{value: 'edit', label: 'Edit a setting', hint: 'change one value, preview the file, restart only what it affects'},
	{value: 'setup', label: 'Run the full setup again', hint: 'the wizard, starting from your saved answers'},
	{value: 'undo', label: 'Undo the last change', hint: 'put back the files the last run changed, from its backups'},
	{value: 'quit', label: 'Quit', hint: ''},
];
