// Every state of the edit screen, and how keys and results move it: the list of settings, the
// field editor, the question about followers, the preview, the write, the question about the
// restart, the restart, and what was done. Pure: the component renders it and maps keys to it.
import {unknownSettingMessage} from '../../model/answers.js';
import type {CurrentValues} from '../../model/current-values.js';
import type {Facts} from '../../model/facts.js';
import {followersFollowing, planSettingChange, type SettingChange} from '../../model/setting-change.js';
import {findSetting} from '../../model/settings.js';

export type EditMode =
	| {kind: 'loading'}
	| {kind: 'load-failed'; message: string}
	| {kind: 'list'}
	| {kind: 'editing'; id: string; text: string; problems: string[]; note?: string}
	| {kind: 'followers'; id: string; value: string; followers: string[]}
	| {kind: 'preview'; change: SettingChange; offset: number}
	| {kind: 'writing'; change: SettingChange}
	| {kind: 'ask-restart'; change: SettingChange; wrote: string[]}
	| {kind: 'restarting'; change: SettingChange; wrote: string[]}
	| {kind: 'done'; change: SettingChange; wrote: string[]; result: string[]; failed: boolean; restarted?: boolean};

export type EditState = {
	facts: Facts;
	current?: CurrentValues;
	// The setting the list highlights, so coming back lands where one left; at first the first one.
	highlight?: string;
	mode: EditMode;
	// Asked for on the command line (edit ID [VALUE]): opened once the values are read.
	opening?: {id: string; value?: string};
	notice?: string;
};

export type EditAction =
	| {type: 'loaded'; current: CurrentValues}
	| {type: 'load-failed'; message: string}
	| {type: 'reload'}
	| {type: 'highlight'; id: string}
	| {type: 'open'; id: string}
	| {type: 'text'; text: string}
	| {type: 'submit'; value: string}
	| {type: 'followers'; takeAlong: boolean}
	| {type: 'scroll'; delta: number}
	| {type: 'write'}
	| {type: 'written'; ok: boolean; wrote: string[]; message?: string; restartNeeded: boolean}
	| {type: 'restart'; now: boolean}
	| {type: 'restarted'; ok: boolean; lines: string[]}
	| {type: 'back'};

export function initialEdit(facts: Facts, opening?: {id: string; value?: string}): EditState {
	return {facts, mode: {kind: 'loading'}, ...(opening ? {opening, highlight: opening.id} : {})};
}

const valueOf = (state: EditState, id: string): string => state.current?.values[id] ?? findSetting(id)?.default ?? '';

function openEditor(state: EditState, id: string, text?: string): EditState {
	if (!findSetting(id)) return {...state, mode: {kind: 'list'}, notice: unknownSettingMessage(id)};
	return {...state, highlight: id, notice: undefined, mode: {kind: 'editing', id, text: text ?? valueOf(state, id), problems: []}};
}

// The change for `value`, or the editor again with what is wrong (or that nothing changes).
function planned(state: EditState, id: string, value: string, takeAlong: boolean): EditState {
	if (!state.current) return state;
	const check = planSettingChange(state.current, state.facts, id, value, takeAlong);
	if (!check.ok) return {...state, mode: {kind: 'editing', id, text: value, problems: check.problems}};
	if (check.change.changes.length === 0) return {...state, mode: {kind: 'editing', id, text: value, problems: [], note: `${id} is already ${check.change.value}: nothing to change.`}};
	return {...state, mode: {kind: 'preview', change: check.change, offset: 0}};
}

export function editReducer(state: EditState, action: EditAction): EditState {
	const {mode} = state;
	switch (action.type) {
		case 'loaded': {
			const loaded = {...state, current: action.current, mode: {kind: 'list'} as const};
			if (!state.opening) return loaded;
			return openEditor({...loaded, opening: undefined}, state.opening.id, state.opening.value);
		}
		case 'load-failed':
			return {...state, mode: {kind: 'load-failed', message: action.message}};
		case 'reload':
			return {...state, mode: {kind: 'loading'}};
		case 'highlight':
			return mode.kind === 'list' ? {...state, highlight: action.id} : state;
		case 'open':
			return mode.kind === 'list' ? openEditor(state, action.id) : state;
		case 'text':
			return mode.kind === 'editing' ? {...state, mode: {kind: 'editing', id: mode.id, text: action.text, problems: []}} : state;
		case 'submit': {
			if (mode.kind !== 'editing' || !state.current) return state;
			const followers = followersFollowing(state.current, mode.id);
			// Asked only when the value really moves away from theirs.
			if (followers.length > 0 && action.value !== valueOf(state, mode.id)) {
				return {...state, mode: {kind: 'followers', id: mode.id, value: action.value, followers}};
			}
			return planned(state, mode.id, action.value, false);
		}
		case 'followers':
			return mode.kind === 'followers' ? planned(state, mode.id, mode.value, action.takeAlong) : state;
		case 'scroll':
			return mode.kind === 'preview' ? {...state, mode: {...mode, offset: Math.max(0, mode.offset + action.delta)}} : state;
		case 'write':
			return mode.kind === 'preview' ? {...state, mode: {kind: 'writing', change: mode.change}} : state;
		case 'written': {
			if (mode.kind !== 'writing') return state;
			if (!action.ok) return {...state, mode: {kind: 'done', change: mode.change, wrote: action.wrote, result: [action.message ?? 'Failed: the write failed'], failed: true}};
			if (action.restartNeeded) return {...state, mode: {kind: 'ask-restart', change: mode.change, wrote: action.wrote}};
			return {...state, mode: {kind: 'done', change: mode.change, wrote: action.wrote, result: ['No service needs a restart.'], failed: false}};
		}
		case 'restart':
			if (mode.kind !== 'ask-restart') return state;
			if (action.now) return {...state, mode: {kind: 'restarting', change: mode.change, wrote: mode.wrote}};
			return {...state, mode: {kind: 'done', change: mode.change, wrote: mode.wrote, result: ['Not restarted: the services use the new value once restarted (Status, then r).'], failed: false}};
		case 'restarted':
			return mode.kind === 'restarting' ? {...state, mode: {kind: 'done', change: mode.change, wrote: mode.wrote, result: action.lines, failed: !action.ok, restarted: true}} : state;
		case 'back':
			switch (mode.kind) {
				case 'editing':
					return {...state, mode: {kind: 'list'}};
				case 'followers':
					return {...state, mode: {kind: 'editing', id: mode.id, text: mode.value, problems: []}};
				case 'preview':
					return {...state, mode: {kind: 'editing', id: mode.change.id, text: mode.change.value, problems: []}};
				case 'done':
					// Back to the list, which reads the files again: it shows what is there now.
					return {...state, mode: {kind: 'loading'}};
				default:
					return state;
			}
	}
}
