// The checks screen's list keeps one form while the checks stream in: whether the passed ones fold
// into one paragraph is decided by the rows and the number of checks, never by which have finished.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/model/plan.js';
import type {ActionView, RunView} from '../../source/ui/components/run/run-view.js';
import {actionRows} from '../../source/ui/wizard/ActionList.js';

const check = (title: string): Action => ({kind: 'check', title, check: {kind: 'root'}} as unknown as Action);
const titles = Array.from({length: 12}, (_, index) => `Port ${2000 + index} is free for a service of this machine`);

// The view after `done` checks finished (each passed with a finding, the last one warned).
function after(done: number): RunView {
	const actions = titles.map((title, index): ActionView => {
		if (index >= done) return {action: check(title), state: index === done ? 'running' : 'waiting', probeTries: 0};
		const warned = index === titles.length - 1;
		return {action: check(title), state: warned ? 'warned' : 'passed', message: `${title}: ${warned ? 'it is held by java (pid 4242), which is not ZooKeeper; stop it or choose another port' : 'free, and nothing listens on it'}`, probeTries: 0};
	});
	return {actions};
}

const folded = (rows: string[][]): boolean => rows.some(item => /^\d+ passed: /.test(item[0] ?? ''));

describe('the checks list as the checks come in', () => {
	it('at 80×24 (15 rows) folds the passed ones from the first to the last, and keeps the warning whole', () => {
		const forms = titles.map((_, done) => folded(actionRows(after(done + 1), 78, 15)));
		expect(forms.slice(0, -1).every(Boolean)).toBe(true);
		const last = actionRows(after(titles.length), 78, 15);
		expect(last.flat().length).toBeLessThanOrEqual(15);
		expect(last.at(-1)?.join(' ')).toContain('stop it or choose another port');
	});

	it('at 120×40 (30 rows) never folds', () => {
		for (let done = 0; done <= titles.length; done++) expect(folded(actionRows(after(done), 92, 30))).toBe(false);
	});
});
