// The summary's cursor: one file of one node chosen (the node it belongs to is the one opened), and
// whether its diff is open (scrolled, changes only or the whole file).
import type {NodeChanges} from '../../model/cluster-changes.js';
import {scrolledBy} from '../../model/scroll.js';
import {moveWithin} from '../../model/text-editing.js';
import type {PreviewView} from '../components/file-preview/preview-rows.js';

export type SummaryState = {selected: number; diff?: {offset: number; view: PreviewView}};
export type SummaryAction = {type: 'move'; delta: number; count: number} | {type: 'open'} | {type: 'close'} | {type: 'scroll'; delta: number; max: number} | {type: 'whole'};

export type FileItem = {node: number; file: number};

// Every file of every node, in order: what ↑↓ go through.
export const fileItems = (nodes: readonly NodeChanges[]): FileItem[] => nodes.flatMap((node, nodeIndex) => node.files.map((_, file) => ({node: nodeIndex, file})));

export function summaryReducer(state: SummaryState, action: SummaryAction): SummaryState {
	switch (action.type) {
		case 'move':
			return {selected: moveWithin(state.selected, action.delta, action.count)};
		case 'open':
			return {...state, diff: {offset: 0, view: 'changes'}};
		case 'close':
			return {selected: state.selected};
		case 'scroll':
			return state.diff ? {...state, diff: {...state.diff, offset: scrolledBy(state.diff.offset, action.delta, action.max)}} : state;
		case 'whole':
			return state.diff ? {...state, diff: {offset: 0, view: state.diff.view === 'whole' ? 'changes' : 'whole'}} : state;
	}
}
