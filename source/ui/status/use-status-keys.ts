// Keys of the status screen, one at a time, mapped to reducer actions and to the calls the
// screen was given.
import type {ServiceName} from '../../model/services.js';
import {isChar, isKey, type KeyPress} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import type {SyncReducer} from '../hooks/use-sync-reducer.js';
import type {StatusScreenAction, StatusScreenState} from './status-screen-state.js';

export type StatusKeyCalls = {
	restart(service: ServiceName): void;
	openLog(service: ServiceName): void;
	edit(): void;
	quit(): void;
	refresh(): void;
};

const up = (press: KeyPress) => isKey(press, 'up') || isChar(press, 'k');
const down = (press: KeyPress) => isKey(press, 'down') || isChar(press, 'j');

// `logWidth`: the columns a line of the full log has; ← → move the lines sideways by half of them.
export function useStatusKeys(screen: SyncReducer<StatusScreenState, StatusScreenAction>, services: readonly ServiceName[], logPage: number, calls: StatusKeyCalls, logWidth = 80): void {
	useKeys(press => {
		const state = screen.get();
		const {dispatch} = screen;
		const {mode} = state;
		const selected = services[state.selected];
		switch (mode.kind) {
			case 'panes':
				if (up(press)) dispatch({type: 'select', delta: -1, count: services.length});
				else if (down(press) || isKey(press, 'tab')) dispatch({type: 'select', delta: 1, count: services.length});
				else if (isChar(press, 'r') && selected) dispatch({type: 'ask-restart', service: selected});
				else if (isChar(press, 'l') && selected) calls.openLog(selected);
				else if (isChar(press, 'e')) calls.edit();
				else if (isChar(press, 'q') || isKey(press, 'escape')) calls.quit();
				return;
			case 'confirm-restart':
				if (isChar(press, 'y')) calls.restart(mode.service);
				else if (isChar(press, 'n') || isKey(press, 'escape') || isKey(press, 'return')) dispatch({type: 'back'});
				return;
			case 'restarting':
				if (mode.ended && (isKey(press, 'return') || isKey(press, 'escape') || isChar(press, 'q'))) {
					dispatch({type: 'back'});
					calls.refresh();
				}
				return;
			case 'log':
				if (up(press)) dispatch({type: 'scroll', delta: -1, page: logPage});
				else if (down(press)) dispatch({type: 'scroll', delta: 1, page: logPage});
				else if (isKey(press, 'pageup') || isChar(press, 'b')) dispatch({type: 'scroll', delta: -logPage, page: logPage});
				else if (isKey(press, 'pagedown') || isChar(press, ' ')) dispatch({type: 'scroll', delta: logPage, page: logPage});
				else if (isChar(press, 'g')) dispatch({type: 'scroll', delta: -Number.MAX_SAFE_INTEGER, page: logPage});
				else if (isChar(press, 'G')) dispatch({type: 'scroll', delta: Number.MAX_SAFE_INTEGER, page: logPage});
				else if (isKey(press, 'left') || isKey(press, 'right')) dispatch({type: 'scroll-sideways', delta: (isKey(press, 'left') ? -1 : 1) * Math.max(1, Math.floor(logWidth / 2))});
				else if (isKey(press, 'escape') || isChar(press, 'q') || isChar(press, 'l')) dispatch({type: 'back'});
				return;
		}
	});
}
