// Every state of the undo screen: look for the last run, show what undo will restore and remove
// and what it leaves, ask; put the files back; offer to restart the services that read them; say
// what was done. Pure: the component renders it, the key hook maps keys to it.
import {scrolledBy} from '../../model/scroll.js';
import type {UndoDone, UndoLine, UndoPreview} from '../../use-cases/undo.js';

export type UndoState =
	| {kind: 'looking'}
	| {kind: 'nothing'}
	| {kind: 'confirm'; preview: UndoPreview; scroll: number}
	| {kind: 'undoing'; preview: UndoPreview; lines: UndoLine[]}
	// `scroll`: how far the list of what was done is scrolled (it may be taller than the screen).
	| {kind: 'ask-restart'; preview: UndoPreview; done: UndoDone; scroll: number}
	| {kind: 'restarting'; preview: UndoPreview; done: UndoDone; scroll: number}
	| {kind: 'done'; preview: UndoPreview; done: UndoDone; restart: string[]; restartFailed: boolean; scroll: number}
	| {kind: 'failed'; message: string};

export type UndoAction =
	| {type: 'found'; preview: UndoPreview | undefined}
	// `max`: the last offset that moves the list of files (its window says it): the files undo will
	// change while it asks, the files it changed once it is done.
	| {type: 'scroll'; delta: number; max: number}
	| {type: 'confirm'}
	| {type: 'line'; line: UndoLine}
	| {type: 'undone'; done: UndoDone; canRestart: boolean}
	| {type: 'restart'; now: boolean}
	| {type: 'restarted'; ok: boolean; lines: string[]}
	| {type: 'failed'; message: string};

export const initialUndo: UndoState = {kind: 'looking'};

export function undoReducer(state: UndoState, action: UndoAction): UndoState {
	switch (action.type) {
		case 'found':
			if (state.kind !== 'looking') return state;
			return action.preview ? {kind: 'confirm', preview: action.preview, scroll: 0} : {kind: 'nothing'};
		case 'scroll':
			return 'scroll' in state ? {...state, scroll: scrolledBy(state.scroll, action.delta, action.max)} : state;
		case 'confirm':
			return state.kind === 'confirm' ? {kind: 'undoing', preview: state.preview, lines: []} : state;
		case 'line':
			return state.kind === 'undoing' ? {...state, lines: [...state.lines, action.line]} : state;
		case 'undone':
			if (state.kind !== 'undoing') return state;
			if (action.canRestart && action.done.services.length > 0) return {kind: 'ask-restart', preview: state.preview, done: action.done, scroll: 0};
			return {kind: 'done', preview: state.preview, done: action.done, restart: [], restartFailed: false, scroll: 0};
		case 'restart':
			if (state.kind !== 'ask-restart') return state;
			if (action.now) return {kind: 'restarting', preview: state.preview, done: state.done, scroll: state.scroll};
			return {
				kind: 'done',
				preview: state.preview,
				done: state.done,
				restart: [`Not restarted: ${state.done.services.join(', ')} keep${state.done.services.length === 1 ? 's' : ''} the old settings until restarted (mesos-setup status, then r).`],
				restartFailed: false,
				scroll: state.scroll,
			};
		case 'restarted':
			return state.kind === 'restarting' ? {kind: 'done', preview: state.preview, done: state.done, restart: action.lines, restartFailed: !action.ok, scroll: state.scroll} : state;
		case 'failed':
			return {kind: 'failed', message: action.message};
	}
}
