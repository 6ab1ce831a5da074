// Keys of the edit screen, one at a time, read against the state the moment each comes: ↑↓,
// Enter and typing (a filter) on the list, the value typed into the field (and Enter to preview), y/n at the questions,
// Enter to write a previewed change, arrows to scroll it, Esc back.
import {findSetting} from '../../model/settings.js';
import type {SettingChange} from '../../model/setting-change.js';
import {wholeFileKey} from '../components/file-preview/preview-rows.js';
import type {ScrollLimit} from '../components/scroll/scroll-window.js';
import {fieldActionOf} from '../components/keys/field-action-of.js';
import {isChar, isKey, type KeyPress} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';
import type {EditAction, EditState} from './edit-state.js';

// A printable character, typed or pasted: never a named key or a control character.
const isText = (press: KeyPress): boolean => !press.ctrl && press.name === undefined && press.text !== '' && !/[\u0000-\u001F\u007F]/u.test(press.text);

export type EditKeyCalls = {write(change: SettingChange): void; restart(change: SettingChange): void; leave(): void};

// `scrollLimit`: how far the previewed diffs scroll, as they last said.
export function useEditKeys(screen: SyncReducer<EditState, EditAction>, calls: EditKeyCalls, scrollLimit: ScrollLimit): void {
	useKeys(press => {
		const {mode} = screen.get();
		const {dispatch} = screen;
		const leave = calls.leave;
		switch (mode.kind) {
			case 'list':
				// Letters narrow the list (a filter), so only Esc leaves: first it clears the filter.
				if (isKey(press, 'up')) dispatch({type: 'highlight', delta: -1});
				else if (isKey(press, 'down')) dispatch({type: 'highlight', delta: 1});
				else if (isKey(press, 'return')) dispatch({type: 'open'});
				else if (isKey(press, 'backspace')) dispatch({type: 'filter-erase'});
				else if (isKey(press, 'escape')) {
					if (screen.get().filter === '') leave();
					else dispatch({type: 'filter-erase', all: true});
				} else if (isText(press)) dispatch({type: 'filter', text: press.text});
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
				} else if (isKey(press, 'up')) dispatch({type: 'scroll', delta: -1, max: scrollLimit.current});
				else if (isKey(press, 'down')) dispatch({type: 'scroll', delta: 1, max: scrollLimit.current});
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
				// Moving through the list, or narrowing it, ahead of it: applied once the values are read.
				if (isKey(press, 'up')) dispatch({type: 'highlight', delta: -1});
				else if (isKey(press, 'down')) dispatch({type: 'highlight', delta: 1});
				else if (isKey(press, 'return')) dispatch({type: 'open'});
				else if (isText(press)) dispatch({type: 'filter', text: press.text});
				return;
			case 'writing':
			case 'restarting':
				return;
		}
	});
}
