// The machine list of the cluster screens: the machines typed (name, address, role), one edited at a
// time, then saved as a cluster file. What is saved is checked by the cluster file's own parser, so
// the screen refuses exactly what `cluster … FILE` would (an even number of masters, a repeated name
// or address, no agent…), before anything is written. Pure.
import {type Answers} from './answers.js';
import {clusterFileText, parseClusterFile} from './cluster-file.js';
import {type Cluster, type ClusterNode, nameKey, type NodeRole, nodeRoles, type SshAccess} from './cluster.js';
import {InputError} from './errors.js';
import {editText, moveChoice, type TextEdit, type TextField, textField} from './text-editing.js';

export type Machine = ClusterNode;

// The fields of the machine being edited, in the order Tab goes through them.
export const machineFields = ['name', 'address', 'role'] as const;
export type MachineField = (typeof machineFields)[number];

export type MachineListMode =
	| {kind: 'list'}
	| {kind: 'edit'; index: number; isNew: boolean; field: number; name: TextField; address: TextField; role: NodeRole}
	| {kind: 'save'; file: TextField}
	| {kind: 'saving'; file: string}
	| {kind: 'saved'; file: string};

export type MachineListState = {
	machines: Machine[];
	selected: number;
	mode: MachineListMode;
	// What stops the list from being saved, or the save from working, as the person must read it.
	problems: string[];
	ssh: SshAccess;
	settings: Answers;
};

export type MachineListAction =
	| {type: 'move'; delta: number}
	| {type: 'add'}
	| {type: 'edit'}
	| {type: 'remove'}
	| {type: 'text'; edit: TextEdit}
	| {type: 'field'; delta: number}
	| {type: 'role'; delta: number}
	| {type: 'accept'}
	| {type: 'cancel'}
	| {type: 'save'}
	| {type: 'saved'; file: string}
	| {type: 'save-failed'; message: string};

export function machineList(cluster?: Cluster): MachineListState {
	return {machines: cluster?.nodes ?? [], selected: 0, mode: {kind: 'list'}, problems: [], ssh: cluster?.ssh ?? {}, settings: cluster?.settings ?? {}};
}

export const clusterOf = (state: Pick<MachineListState, 'machines' | 'ssh' | 'settings'>): Cluster => ({nodes: state.machines, ssh: state.ssh, settings: state.settings});

// Every problem the cluster file would have, as its parser names them; none when it can be saved.
export function machineListProblems(state: Pick<MachineListState, 'machines' | 'ssh' | 'settings'>): string[] {
	if (state.machines.length === 0) return ['No machine yet: add one with a.'];
	try {
		parseClusterFile(clusterFileText(clusterOf(state)), 'the machine list');
		return [];
	} catch (error) {
		if (error instanceof InputError) return error.problems;
		throw error;
	}
}

// The next machine's suggested name: m1, m2… for masters (the first three), then a1, a2… for agents.
function nextMachine(machines: readonly Machine[]): {name: string; role: NodeRole} {
	const masters = machines.filter(machine => machine.role !== 'agent').length;
	const role: NodeRole = masters < 3 ? 'master' : 'agent';
	const prefix = role === 'agent' ? 'a' : 'm';
	const taken = new Set(machines.map(machine => nameKey(machine.name)));
	let number = 1;
	while (taken.has(`${prefix}${number}`)) number++;
	return {name: `${prefix}${number}`, role};
}

// A machine opens on its first field, Name, as every form here does (the suggested name is there to
// keep or type over; Tab goes on to the address).
const editing = (state: MachineListState, index: number, isNew: boolean, machine: Machine): MachineListState => ({
	...state,
	problems: [],
	mode: {kind: 'edit', index, isNew, field: 0, name: textField(machine.name), address: textField(machine.address), role: machine.role},
});

function acceptEdit(state: MachineListState, mode: Extract<MachineListMode, {kind: 'edit'}>): MachineListState {
	const machine: Machine = {name: mode.name.text.trim(), address: mode.address.text.trim(), role: mode.role};
	const missing = [machine.name === '' ? 'a name' : '', machine.address === '' ? 'an address (an IP address or a host name this machine reaches over SSH)' : ''].filter(Boolean);
	if (missing.length > 0) return {...state, problems: [`The machine needs ${missing.join(' and ')}.`]};
	const others = state.machines.filter((_, index) => index !== mode.index);
	// Its spelling, which may differ in case only (one machine's folder and log: cluster.ts, nameKey).
	const named = others.find(other => nameKey(other.name) === nameKey(machine.name))?.name;
	const clash = named !== undefined ? `the name ${named}${named === machine.name ? '' : ' (names are compared without case)'}` : others.find(other => other.address === machine.address) ? `the address ${machine.address}` : '';
	if (clash) return {...state, problems: [`Another machine already has ${clash}: each machine needs its own.`]};
	const machines = mode.isNew ? [...state.machines, machine] : state.machines.map((each, index) => (index === mode.index ? machine : each));
	return {...state, machines, selected: mode.isNew ? machines.length - 1 : mode.index, mode: {kind: 'list'}, problems: []};
}

export function machineListReducer(state: MachineListState, action: MachineListAction): MachineListState {
	const {mode} = state;
	switch (mode.kind) {
		case 'list':
			switch (action.type) {
				case 'move':
					return {...state, selected: moveChoice(state.selected, action.delta, state.machines.length)};
				case 'add': {
					const {name, role} = nextMachine(state.machines);
					return editing(state, state.machines.length, true, {name, address: '', role});
				}
				case 'edit': {
					const machine = state.machines[state.selected];
					return machine ? editing(state, state.selected, false, machine) : state;
				}
				case 'remove': {
					if (state.machines.length === 0) return state;
					const machines = state.machines.filter((_, index) => index !== state.selected);
					return {...state, machines, selected: Math.min(state.selected, Math.max(machines.length - 1, 0)), problems: []};
				}
				case 'save': {
					const problems = machineListProblems(state);
					return problems.length > 0 ? {...state, problems} : {...state, problems: [], mode: {kind: 'save', file: textField('cluster.yaml')}};
				}
				default:
					return state;
			}
		case 'edit':
			switch (action.type) {
				case 'text': {
					const field = machineFields[mode.field];
					if (field === 'role') return state;
					return {...state, mode: {...mode, [field as 'name' | 'address']: editText(mode[field as 'name' | 'address'], action.edit)}};
				}
				case 'field':
					return {...state, mode: {...mode, field: moveChoice(mode.field, action.delta, machineFields.length)}};
				case 'role':
					return machineFields[mode.field] === 'role' ? {...state, mode: {...mode, role: nodeRoles[moveChoice(nodeRoles.indexOf(mode.role), action.delta, nodeRoles.length)] as NodeRole}} : state;
				case 'accept':
					return acceptEdit(state, mode);
				case 'cancel':
					return {...state, mode: {kind: 'list'}, problems: []};
				default:
					return state;
			}
		case 'save':
			switch (action.type) {
				case 'text':
					return {...state, mode: {...mode, file: editText(mode.file, action.edit)}};
				case 'accept':
					return mode.file.text.trim() === '' ? {...state, problems: ['Type the file to save the list in.']} : {...state, problems: [], mode: {kind: 'saving', file: mode.file.text.trim()}};
				case 'cancel':
					return {...state, mode: {kind: 'list'}, problems: []};
				default:
					return state;
			}
		case 'saving':
			if (action.type === 'saved') return {...state, mode: {kind: 'saved', file: action.file}};
			if (action.type === 'save-failed') return {...state, problems: [action.message], mode: {kind: 'save', file: textField(mode.file)}};
			return state;
		case 'saved':
			return action.type === 'cancel' ? {...state, mode: {kind: 'list'}} : state;
	}
}
