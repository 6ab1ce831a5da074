import {describe, expect, it} from 'vitest';
import {initialStatusScreen, statusScreenReducer, visibleLogLines, type StatusScreenState} from '../../source/ui/status/status-screen-state.js';

const lines = Array.from({length: 10}, (_, i) => `line ${i + 1}`);

describe('the status screen’s states', () => {
	it('wraps the selection around the services', () => {
		const up = statusScreenReducer(initialStatusScreen, {type: 'select', delta: -1, count: 4});
		expect(up.selected).toBe(3);
		expect(statusScreenReducer(up, {type: 'select', delta: 1, count: 4}).selected).toBe(0);
	});

	it('does not leave a restart under way, only one that ended', () => {
		const restarting = statusScreenReducer(statusScreenReducer(initialStatusScreen, {type: 'ask-restart', service: 'marathon'}), {type: 'restart-started', service: 'marathon'});
		expect(statusScreenReducer(restarting, {type: 'back'}).mode.kind).toBe('restarting');
		const ended = statusScreenReducer(restarting, {type: 'restart-ended'});
		expect(statusScreenReducer(ended, {type: 'back'}).mode.kind).toBe('panes');
	});

	it('opens a log at its end and scrolls within it', () => {
		let state: StatusScreenState = statusScreenReducer(initialStatusScreen, {type: 'open-log', service: 'zookeeper'});
		state = statusScreenReducer(state, {type: 'log-loaded', file: '/var/log/zookeeper/zookeeper.log', lines});
		if (state.mode.kind !== 'log') throw new Error('not in the log');
		expect(visibleLogLines(state.mode, 4).lines).toEqual(['line 7', 'line 8', 'line 9', 'line 10']);
		state = statusScreenReducer(state, {type: 'scroll', delta: -2, page: 4});
		if (state.mode.kind !== 'log') throw new Error('not in the log');
		expect(visibleLogLines(state.mode, 4)).toEqual({lines: ['line 5', 'line 6', 'line 7', 'line 8'], first: 4, total: 10});
		state = statusScreenReducer(state, {type: 'scroll', delta: -100, page: 4});
		if (state.mode.kind !== 'log') throw new Error('not in the log');
		expect(visibleLogLines(state.mode, 4).first).toBe(0);
	});

	// Review 3, #21: the view was a snapshot; now lines read again come into view at the end.
	it('follows lines read again while at the end, stays where it was scrolled, and G follows again', () => {
		let state: StatusScreenState = statusScreenReducer(initialStatusScreen, {type: 'open-log', service: 'zookeeper'});
		state = statusScreenReducer(state, {type: 'log-loaded', file: 'zk.log', lines});
		const more = [...lines, 'line 11', 'line 12'];
		state = statusScreenReducer(state, {type: 'log-read', service: 'zookeeper', file: 'zk.log', lines: more});
		if (state.mode.kind !== 'log') throw new Error('not in the log');
		expect(visibleLogLines(state.mode, 4).lines).toEqual(['line 9', 'line 10', 'line 11', 'line 12']);
		state = statusScreenReducer(state, {type: 'scroll', delta: -1, page: 4});
		state = statusScreenReducer(state, {type: 'log-read', service: 'zookeeper', file: 'zk.log', lines: [...more, 'line 13']});
		if (state.mode.kind !== 'log') throw new Error('not in the log');
		expect(visibleLogLines(state.mode, 4).lines).toEqual(['line 8', 'line 9', 'line 10', 'line 11']);
		// Down to the last line again: following, as G does.
		state = statusScreenReducer(state, {type: 'scroll', delta: 2, page: 4});
		state = statusScreenReducer(state, {type: 'log-read', service: 'zookeeper', file: 'zk.log', lines: [...more, 'line 13', 'line 14']});
		if (state.mode.kind !== 'log') throw new Error('not in the log');
		expect(visibleLogLines(state.mode, 4).lines).toEqual(['line 11', 'line 12', 'line 13', 'line 14']);
		// Another service's lines, read late, are not shown.
		expect(statusScreenReducer(state, {type: 'log-read', service: 'marathon', file: 'm.log', lines: []})).toBe(state);
	});

	it('moves the lines sideways, no further than the widest line', () => {
		let state: StatusScreenState = statusScreenReducer(initialStatusScreen, {type: 'open-log', service: 'zookeeper'});
		state = statusScreenReducer(state, {type: 'log-loaded', file: 'zk.log', lines: ['short', 'x'.repeat(30)]});
		state = statusScreenReducer(state, {type: 'scroll-sideways', delta: 20});
		expect(state.mode.kind === 'log' && state.mode.column).toBe(20);
		state = statusScreenReducer(state, {type: 'scroll-sideways', delta: 20});
		expect(state.mode.kind === 'log' && state.mode.column).toBe(29);
		state = statusScreenReducer(state, {type: 'scroll-sideways', delta: -100});
		expect(state.mode.kind === 'log' && state.mode.column).toBe(0);
	});
});
