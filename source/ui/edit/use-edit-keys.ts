// Keys of the edit screen around its widgets (the list and the field editor take their own):
// Esc goes back, y/n answer questions, Enter writes a previewed change, arrows scroll it.
import {useInput} from 'ink';
import type {SettingChange} from '../../model/setting-change.js';
import type {SyncReducer} from '../components/use-sync-reducer.js';
import type {EditAction, EditState} from './edit-state.js';

export type EditKeyCalls = {write(change: SettingChange): void; restart(change: SettingChange): void; leave(): void};

export function useEditKeys(screen: SyncReducer<EditState, EditAction>, calls: EditKeyCalls): void {
	useInput((input, key) => {
		const {mode} = screen.get();
		const {dispatch} = screen;
		switch (mode.kind) {
			case 'list':
				if (key.escape || input === 'q') calls.leave();
				return;
			case 'load-failed':
				if (key.escape || key.return) calls.leave();
				return;
			case 'editing':
				// Letters belong to the field; only Esc is the screen's.
				if (key.escape) dispatch({type: 'back'});
				return;
			case 'followers':
				if (input === 'y' || input === 'n') dispatch({type: 'followers', takeAlong: input === 'y'});
				else if (key.escape) dispatch({type: 'back'});
				return;
			case 'preview':
				if (key.return) {
					dispatch({type: 'write'});
					calls.write(mode.change);
				} else if (key.upArrow) dispatch({type: 'scroll', delta: -1});
				else if (key.downArrow) dispatch({type: 'scroll', delta: 1});
				else if (key.escape) dispatch({type: 'back'});
				return;
			case 'ask-restart':
				if (input === 'y') {
					dispatch({type: 'restart', now: true});
					calls.restart(mode.change);
				} else if (input === 'n' || key.escape) dispatch({type: 'restart', now: false});
				return;
			case 'done':
				if (key.return || key.escape) dispatch({type: 'back'});
				return;
			case 'loading':
			case 'writing':
			case 'restarting':
				return;
		}
	});
}
