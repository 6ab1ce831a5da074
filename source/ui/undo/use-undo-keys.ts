// Keys of the undo screen: y/n at the questions, ↑↓ through a long list of files (the files it will
// change, then the files it changed), Enter or Esc to leave once it is over (or before anything was done).
import type {ScrollLimit} from '../components/scroll/scroll-window.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';
import type {UndoAction, UndoState} from './undo-state.js';

export type UndoKeyCalls = {undo(): void; restart(): void; leave(): void};

// `scrollLimit`: how far the list of files scrolls, as it last said.
export function useUndoKeys(screen: SyncReducer<UndoState, UndoAction>, scrollLimit: ScrollLimit, calls: UndoKeyCalls): void {
	useKeys(press => {
		const state = screen.get();
		const leave = calls.leave;
		if (isKey(press, 'up') || isKey(press, 'down')) {
			screen.dispatch({type: 'scroll', delta: isKey(press, 'up') ? -1 : 1, max: scrollLimit.current});
			return;
		}
		switch (state.kind) {
			case 'confirm':
				if (isChar(press, 'y')) {
					screen.dispatch({type: 'confirm'});
					calls.undo();
				} else if (isChar(press, 'n') || isKey(press, 'escape') || isChar(press, 'q')) leave();
				return;
			case 'ask-restart':
				if (isChar(press, 'y')) {
					screen.dispatch({type: 'restart', now: true});
					calls.restart();
				} else if (isChar(press, 'n') || isKey(press, 'escape')) screen.dispatch({type: 'restart', now: false});
				return;
			case 'nothing':
			case 'done':
			case 'failed':
				if (isKey(press, 'return') || isKey(press, 'escape') || isChar(press, 'q')) leave();
				return;
			case 'looking':
			case 'undoing':
			case 'restarting':
				return;
		}
	});
}
