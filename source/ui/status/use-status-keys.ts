// Keys of the status screen, mapped to reducer actions and to the calls the screen was given.
import {useInput} from 'ink';
import type {ServiceName} from '../../model/services.js';
import type {StatusScreenAction, StatusScreenState} from './status-screen-state.js';
import type {SyncReducer} from '../components/use-sync-reducer.js';

export type StatusKeyCalls = {
	restart(service: ServiceName): void;
	openLog(service: ServiceName): void;
	edit(): void;
	quit(): void;
	refresh(): void;
};

export function useStatusKeys(screen: SyncReducer<StatusScreenState, StatusScreenAction>, services: readonly ServiceName[], logPage: number, calls: StatusKeyCalls): void {
	useInput((input, key) => {
		const state = screen.get();
		const {dispatch} = screen;
		const {mode} = state;
		const selected = services[state.selected];
		switch (mode.kind) {
			case 'panes':
				if (key.upArrow || input === 'k') dispatch({type: 'select', delta: -1, count: services.length});
				else if (key.downArrow || input === 'j' || key.tab) dispatch({type: 'select', delta: 1, count: services.length});
				else if (input === 'r' && selected) dispatch({type: 'ask-restart', service: selected});
				else if (input === 'l' && selected) calls.openLog(selected);
				else if (input === 'e') calls.edit();
				else if (input === 'q' || key.escape) calls.quit();
				return;
			case 'confirm-restart':
				if (input === 'y') calls.restart(mode.service);
				else if (input === 'n' || key.escape || key.return) dispatch({type: 'back'});
				return;
			case 'restarting':
				if (mode.ended && (key.return || key.escape || input === 'q')) {
					dispatch({type: 'back'});
					calls.refresh();
				}
				return;
			case 'log':
				if (key.upArrow || input === 'k') dispatch({type: 'scroll', delta: -1, page: logPage});
				else if (key.downArrow || input === 'j') dispatch({type: 'scroll', delta: 1, page: logPage});
				else if (key.pageUp || input === 'b') dispatch({type: 'scroll', delta: -logPage, page: logPage});
				else if (key.pageDown || input === ' ') dispatch({type: 'scroll', delta: logPage, page: logPage});
				else if (input === 'g') dispatch({type: 'scroll', delta: -Number.MAX_SAFE_INTEGER, page: logPage});
				else if (input === 'G') dispatch({type: 'scroll', delta: Number.MAX_SAFE_INTEGER, page: logPage});
				else if (key.escape || input === 'q' || input === 'l') dispatch({type: 'back'});
				return;
		}
	});
}
