// The machine list's reducer (model/machine-list.ts): a machine typed with a name another has, in
// any case, is refused on the spot, as the cluster file refuses it (one folder and one log a name).
import {describe, expect, it} from 'vitest';
import {machineList, type MachineListAction, machineListReducer, type MachineListState} from '../../source/model/machine-list.js';

const run = (state: MachineListState, actions: readonly MachineListAction[]): MachineListState => actions.reduce(machineListReducer, state);

describe('the machine list', () => {
	it('refuses a name that differs from another machine’s only in case, naming the other’s spelling', () => {
		const listed = machineList({nodes: [{name: 'm1', address: '10.0.0.11', role: 'master'}], ssh: {}, settings: {}});
		// a: a new machine (named m2, its name the field first); its name typed over as M1, then its address.
		const typed = run(listed, [
			{type: 'add'},
			{type: 'text', edit: {type: 'end'}},
			{type: 'text', edit: {type: 'clear-before'}},
			{type: 'text', edit: {type: 'insert', text: 'M1'}},
			{type: 'field', delta: 1},
			{type: 'text', edit: {type: 'insert', text: '10.0.0.21'}},
			{type: 'accept'},
		]);
		expect(typed.problems).toEqual(['Another machine already has the name m1 (names are compared without case): each machine needs its own.']);
		expect(typed.machines).toHaveLength(1);
		expect(typed.mode.kind).toBe('edit');
	});
});
