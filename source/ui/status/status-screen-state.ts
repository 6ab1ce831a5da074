// Every state the status screen can be in, and how keys and results move it. Pure, so it is
// tested without a terminal; the component only renders it and maps keys to actions.
import type {ServiceName} from '../../model/services.js';

// What the restart does is followed by useServiceRun; this only knows whether it has ended.
export type RestartState = {service: ServiceName; ended: boolean; error?: string};

// offset: the first line shown; Number.MAX_SAFE_INTEGER follows the end (the view opens there, and
// G or scrolling down to the last line goes back to it), so lines read later come into view.
// column: the first column shown of every line, for lines wider than the terminal (← →).
export type LogState = {service: ServiceName; file: string | null; lines: string[] | undefined; error?: string; offset: number; column: number};

export const followsEnd = Number.MAX_SAFE_INTEGER;

export type StatusScreenState = {
	selected: number;
	mode:
		| {kind: 'panes'}
		| {kind: 'confirm-restart'; service: ServiceName}
		| ({kind: 'restarting'} & RestartState)
		| ({kind: 'log'} & LogState);
};

export type StatusScreenAction =
	| {type: 'select'; delta: number; count: number}
	| {type: 'ask-restart'; service: ServiceName}
	| {type: 'restart-started'; service: ServiceName}
	| {type: 'restart-ended'; error?: string}
	| {type: 'open-log'; service: ServiceName}
	| {type: 'log-loaded'; file: string | null; lines: string[]}
	// The log read again while the view is open (it follows the file).
	| {type: 'log-read'; service: ServiceName; file: string | null; lines: string[]}
	| {type: 'scroll-sideways'; delta: number}
	| {type: 'log-failed'; error: string}
	| {type: 'scroll'; delta: number; page: number}
	| {type: 'back'};

export const initialStatusScreen: StatusScreenState = {selected: 0, mode: {kind: 'panes'}};

const clamp = (n: number, low: number, high: number): number => Math.max(low, Math.min(high, n));

export function statusScreenReducer(state: StatusScreenState, action: StatusScreenAction): StatusScreenState {
	const {mode} = state;
	switch (action.type) {
		case 'select':
			if (mode.kind !== 'panes' || action.count === 0) return state;
			return {...state, selected: (state.selected + action.delta + action.count) % action.count};
		case 'ask-restart':
			return mode.kind === 'panes' ? {...state, mode: {kind: 'confirm-restart', service: action.service}} : state;
		case 'restart-started':
			return {...state, mode: {kind: 'restarting', service: action.service, ended: false}};
		case 'restart-ended':
			return mode.kind === 'restarting' ? {...state, mode: {...mode, ended: true, ...(action.error ? {error: action.error} : {})}} : state;
		case 'open-log':
			return mode.kind === 'panes' ? {...state, mode: {kind: 'log', service: action.service, file: null, lines: undefined, offset: 0, column: 0}} : state;
		case 'log-loaded':
			// The view opens at the end, where the newest lines are.
			return mode.kind === 'log' ? {...state, mode: {...mode, file: action.file, lines: action.lines, offset: followsEnd}} : state;
		case 'log-read':
			// Where the view is stays: at the end it follows, so the new lines come into view.
			if (mode.kind !== 'log' || mode.service !== action.service || mode.error || (mode.lines === action.lines && mode.file === action.file)) return state;
			return {...state, mode: {...mode, file: action.file, lines: action.lines}};
		case 'log-failed':
			return mode.kind === 'log' ? {...state, mode: {...mode, lines: [], error: action.error}} : state;
		case 'scroll': {
			if (mode.kind !== 'log' || !mode.lines) return state;
			const last = Math.max(0, mode.lines.length - action.page);
			const offset = clamp(clamp(mode.offset, 0, last) + action.delta, 0, last);
			return {...state, mode: {...mode, offset: offset === last ? followsEnd : offset}};
		}
		case 'scroll-sideways': {
			if (mode.kind !== 'log' || !mode.lines) return state;
			const widest = Math.max(0, ...mode.lines.map(line => [...line].length));
			return {...state, mode: {...mode, column: clamp(mode.column + action.delta, 0, Math.max(0, widest - 1))}};
		}
		case 'back':
			// A restart under way cannot be left: its outcome would be lost.
			if (mode.kind === 'restarting' && !mode.ended) return state;
			return {...state, mode: {kind: 'panes'}};
	}
}

// The lines of the full log that fit, from the scroll offset.
export function visibleLogLines(log: LogState, page: number): {lines: string[]; first: number; total: number} {
	const all = log.lines ?? [];
	const first = clamp(log.offset, 0, Math.max(0, all.length - page));
	return {lines: all.slice(first, first + page), first, total: all.length};
}
