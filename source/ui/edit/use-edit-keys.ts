// Keys of the edit screen, one at a time, read against the state the moment each comes: ↑↓ and
// Enter on the list, the value typed into the field (and Enter to preview), y/n at the questions,
// Enter to write a previewed change, arrows to scroll it, Esc back.
import {findSetting} from '../../model/settings.js';
import type {SettingChange} from '../../model/setting-change.js';
import {wholeFileKey} from '../components/file-preview/preview-rows.js';
import {fieldActionOf} from '../components/keys/field-action-of.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';
import type {EditAction, EditState} from './edit-state.js';

export type EditKeyCalls = {write(change: SettingChange): void; restart(change: SettingChange): void; leave(): void};

export function useEditKeys(screen: SyncReducer<EditState, EditAction>, calls: EditKeyCalls): void {
	useKeys(press => {
		const {mode} = screen.get();
		const {dispatch} = screen;
		const leave = calls.leave;
		switch (mode.kind) {
			case 'list':
				if (isKey(press, 'up') || isChar(press, 'k')) dispatch({type: 'highlight', delta: -1});
				else if (isKey(press, 'down') || isChar(press, 'j')) dispatch({type: 'highlight', delta: 1});
				else if (isKey(press, 'return')) dispatch({type: 'open'});
				else if (isKey(press, 'escape') || isChar(press, 'q')) leave();
				return;
			case 'load-failed':
				if (isKey(press, 'escape') || isKey(press, 'return')) leave();
				return;
			case 'editing': {
				// Letters belong to the field; Enter previews, Esc goes back.
				if (isKey(press, 'return')) dispatch({type: 'submit'});
				else if (isKey(press, 'escape')) dispatch({type: 'back'});
				else {
					const action = fieldActionOf(press, Boolean(findSetting(mode.id)?.choices));
					if (action) dispatch({type: 'field', action});
				}
				return;
			}
			case 'followers':
				if (isChar(press, 'y') || isChar(press, 'n')) dispatch({type: 'followers', takeAlong: isChar(press, 'y')});
				else if (isKey(press, 'escape')) dispatch({type: 'back'});
				return;
			case 'preview':
				if (isKey(press, 'return')) {
					dispatch({type: 'write'});
					calls.write(mode.change);
				} else if (isKey(press, 'up')) dispatch({type: 'scroll', delta: -1});
				else if (isKey(press, 'down')) dispatch({type: 'scroll', delta: 1});
				else if (isChar(press, wholeFileKey)) dispatch({type: 'whole-files'});
				else if (isKey(press, 'escape')) dispatch({type: 'back'});
				return;
			case 'ask-restart':
				if (isChar(press, 'y')) {
					dispatch({type: 'restart', now: true});
					calls.restart(mode.change);
				} else if (isChar(press, 'n') || isKey(press, 'escape')) dispatch({type: 'restart', now: false});
				return;
			case 'done':
				if (isKey(press, 'return') || isKey(press, 'escape')) dispatch({type: 'back'});
				return;
			case 'loading':
				// Moving through the list ahead of it: applied once the values are read.
				if (isKey(press, 'up') || isChar(press, 'k')) dispatch({type: 'highlight', delta: -1});
				else if (isKey(press, 'down') || isChar(press, 'j')) dispatch({type: 'highlight', delta: 1});
				else if (isKey(press, 'return')) dispatch({type: 'open'});
				return;
			case 'writing':
			case 'restarting':
				return;
		}
	});
}
