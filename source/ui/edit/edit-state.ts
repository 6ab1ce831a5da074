// Every state of the edit screen, and how keys and results move it: the list of settings, the
// field editor, the question about followers, the preview, the write, the question about the
// restart, the restart, and what was done. Pure: the component renders it and maps keys to it,
// one key at a time (the value is typed through this reducer, never into a widget of its own).
import type {CurrentValues} from '../../model/current-values.js';
import type {Facts} from '../../model/facts.js';
import {applyFieldAction, type FieldAction} from '../../model/field-input.js';
import {changesNothing, followersFollowing, planSettingChange, type SettingChange} from '../../model/setting-change.js';
import {findSetting, type SettingId, settingIdFrom} from '../../model/settings.js';
import {moveWithin, textField} from '../../model/text-editing.js';
import {scrolledBy} from '../../model/scroll.js';
import {type SettingRow, settingRows} from './setting-rows.js';

export type EditMode =
	// Keys typed while the values are read (a Down right after the menu's Enter) are kept and
	// applied once they are there.
	| {kind: 'loading'; typedAhead?: EditAction[]}
	| {kind: 'load-failed'; message: string}
	| {kind: 'list'}
	| {kind: 'editing'; id: SettingId; text: string; cursor: number; problems: string[]; note?: string}
	| {kind: 'followers'; id: SettingId; value: string; followers: SettingId[]}
	| {kind: 'preview'; change: SettingChange; offset: number; whole: boolean}
	| {kind: 'writing'; change: SettingChange}
	| {kind: 'ask-restart'; change: SettingChange; wrote: string[]}
	| {kind: 'restarting'; change: SettingChange; wrote: string[]}
	| {kind: 'done'; change: SettingChange; wrote: string[]; result: string[]; failed: boolean; restarted?: boolean};

export type EditState = {
	facts: Facts;
	current?: CurrentValues;
	// The setting the list highlights, so coming back lands where one left; at first the first one.
	highlight?: SettingId;
	// What is typed on the list: only the settings whose label, id or file holds it are listed.
	filter: string;
	mode: EditMode;
	// Asked for on the command line (edit ID [VALUE]): opened once the values are read.
	opening?: {id: string; value?: string};
	notice?: string;
};

export type EditAction =
	| {type: 'loaded'; current: CurrentValues}
	| {type: 'load-failed'; message: string}
	| {type: 'reload'}
	| {type: 'highlight'; delta: number}
	// Typed on the list: the filter grows by `text`, or loses its last character (erase).
	| {type: 'filter'; text: string}
	| {type: 'filter-erase'; all?: boolean}
	| {type: 'open'}
	| {type: 'field'; action: FieldAction}
	| {type: 'submit'}
	| {type: 'followers'; takeAlong: boolean}
	// `max`: the last offset that moves the diffs (their window says it).
	| {type: 'scroll'; delta: number; max: number}
	| {type: 'whole-files'}
	| {type: 'write'}
	| {type: 'written'; ok: boolean; wrote: string[]; message?: string; restartNeeded: boolean}
	| {type: 'restart'; now: boolean}
	| {type: 'restarted'; ok: boolean; lines: string[]}
	| {type: 'back'};

export function initialEdit(facts: Facts, opening?: {id: string; value?: string}): EditState {
	const known = opening ? settingIdFrom(opening.id) : undefined;
	return {facts, filter: '', mode: {kind: 'loading'}, ...(opening ? {opening} : {}), ...(known?.ok ? {highlight: known.id} : {})};
}

const valueOf = (state: EditState, id: SettingId): string => state.current?.values[id] ?? findSetting(id).default;

// The editor on `text`, its cursor at the end.
const editing = (id: SettingId, text: string, problems: string[] = [], note?: string): EditMode => ({
	kind: 'editing',
	id,
	...textField(text),
	problems,
	...(note === undefined ? {} : {note}),
});

// `rawId` may come from the command line (edit ID): one the catalogue does not hold is said.
function openEditor(state: EditState, rawId: string, text?: string): EditState {
	const known = settingIdFrom(rawId);
	if (!known.ok) return {...state, mode: {kind: 'list'}, notice: known.message};
	const {id} = known;
	return {...state, highlight: id, notice: undefined, mode: editing(id, text ?? valueOf(state, id))};
}

// The change for `value`, or the editor again with what is wrong (or that nothing changes).
function planned(state: EditState, id: SettingId, value: string, takeAlong: boolean): EditState {
	if (!state.current) return state;
	const check = planSettingChange(state.current, state.facts, id, value, takeAlong);
	if (!check.ok) return {...state, mode: editing(id, value, check.problems)};
	if (changesNothing(check.change)) return {...state, mode: editing(id, value, [], `${id} is already ${check.change.value}: nothing to change.`)};
	return {...state, mode: {kind: 'preview', change: check.change, offset: 0, whole: false}};
}

// The rows the list shows: every setting `edit` accepts, narrowed by the filter.
export function listedRows(state: Pick<EditState, 'current' | 'filter'>): SettingRow[] {
	const rows = state.current ? settingRows(state.current) : [];
	const wanted = state.filter.trim().toLowerCase();
	return wanted === '' ? rows : rows.filter(row => [row.label, row.id, row.group].some(text => text.toLowerCase().includes(wanted)));
}

// The setting the list highlights: the one remembered, or the first listed.
export function highlighted(state: EditState): SettingId | undefined {
	const rows = listedRows(state);
	return rows.find(row => row.id === state.highlight)?.id ?? rows[0]?.id;
}

// What a key does to the screen: kept for later while the values are still being read.
const keyActions = new Set<EditAction['type']>(['highlight', 'filter', 'filter-erase', 'open', 'field', 'submit', 'back']);

export function editReducer(state: EditState, action: EditAction): EditState {
	const {mode} = state;
	if (mode.kind === 'loading' && keyActions.has(action.type)) return {...state, mode: {kind: 'loading', typedAhead: [...(mode.typedAhead ?? []), action]}};
	switch (action.type) {
		case 'loaded': {
			const loaded = {...state, current: action.current, mode: {kind: 'list'} as const};
			const opened = state.opening ? openEditor({...loaded, opening: undefined}, state.opening.id, state.opening.value) : loaded;
			return (mode.kind === 'loading' ? (mode.typedAhead ?? []) : []).reduce(editReducer, opened);
		}
		case 'load-failed':
			return {...state, mode: {kind: 'load-failed', message: action.message}};
		case 'reload':
			return {...state, mode: {kind: 'loading'}};
		case 'filter':
		case 'filter-erase': {
			if (mode.kind !== 'list') return state;
			const filter = action.type === 'filter' ? state.filter + action.text : action.all ? '' : [...state.filter].slice(0, -1).join('');
			return {...state, filter, highlight: highlighted({...state, filter})};
		}
		case 'highlight': {
			if (mode.kind !== 'list' || !state.current) return state;
			const ids = listedRows(state).map(row => row.id);
			const at = Math.max(0, ids.findIndex(id => id === highlighted(state)));
			return {...state, highlight: ids[moveWithin(at, action.delta, ids.length)]};
		}
		case 'open': {
			const id = highlighted(state);
			return mode.kind === 'list' && id ? openEditor(state, id) : state;
		}
		case 'field': {
			const setting = mode.kind === 'editing' ? findSetting(mode.id) : undefined;
			if (mode.kind !== 'editing' || !setting) return state;
			const field = applyFieldAction(setting, mode, action.action);
			return {...state, mode: {kind: 'editing', id: mode.id, ...field, problems: []}};
		}
		case 'submit': {
			if (mode.kind !== 'editing' || !state.current) return state;
			// Not allowed: Enter does nothing; the reason is already shown beside the field.
			const checked = findSetting(mode.id)?.validate(mode.text);
			if (!checked?.ok) return state;
			const followers = followersFollowing(state.current, mode.id);
			// Asked only when the value really moves away from theirs.
			if (followers.length > 0 && checked.value !== valueOf(state, mode.id)) {
				return {...state, mode: {kind: 'followers', id: mode.id, value: checked.value, followers}};
			}
			return planned(state, mode.id, checked.value, false);
		}
		case 'followers':
			return mode.kind === 'followers' ? planned(state, mode.id, mode.value, action.takeAlong) : state;
		case 'scroll':
			return mode.kind === 'preview' ? {...state, mode: {...mode, offset: scrolledBy(mode.offset, action.delta, action.max)}} : state;
		case 'whole-files':
			return mode.kind === 'preview' ? {...state, mode: {...mode, whole: !mode.whole, offset: 0}} : state;
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
					return {...state, mode: editing(mode.id, mode.value)};
				case 'preview':
					return {...state, mode: editing(mode.change.id, mode.change.value)};
				case 'done':
					// Back to the list, which reads the files again: it shows what is there now.
					return {...state, mode: {kind: 'loading'}};
				default:
					return state;
			}
	}
}
