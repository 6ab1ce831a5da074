// The settings pages of the cluster screens: the pages a single machine's wizard has (model/wizard-pages.ts,
// from the plans of the cluster's nodes), asked once for every node. A setting the machine list
// decides (model/cluster-derivation.ts) is shown as derived, with its value on each node, never asked.
// What a person sets becomes the cluster file's `settings`. Pure.
import {checkAnswer, defaultReason, resolveValues, type Answers} from './answers.js';
import {findDerivedSetting, nodeAnswers} from './cluster-derivation.js';
import {type ClusterLayouts, type ClusterSettingsPage, layoutKey, pageLayoutLines, pagesFor} from './cluster-settings-pages.js';
import type {Cluster} from './cluster.js';
import {applyFieldAction, type FieldAction} from './field-input.js';
import {findSetting, type SettingId, settings} from './settings.js';

export {clusterSettingsPages, type ClusterSettingsPage} from './cluster-settings-pages.js';

// A derived setting as the page shows it: how it is derived, and its value on the nodes that have it
// (one value when every node has the same).
export function derivedValue(cluster: Cluster, id: SettingId): {how: string; value: string} {
	const how = findDerivedSetting(id)?.how ?? '';
	const perNode = cluster.nodes.flatMap(node => {
		const value = nodeAnswers(cluster, node)[id];
		return value === undefined ? [] : [{node: node.name, value}];
	});
	const distinct = new Set(perNode.map(each => each.value));
	const value = distinct.size <= 1 ? (perNode[0]?.value ?? '') : perNode.map(each => `${each.node}: ${each.value}`).join(', ');
	return {how, value};
}

export type ClusterSettingsState = {
	pages: ClusterSettingsPage[];
	page: number;
	// Which asked setting of the page has the cursor, and what is typed in every one.
	focus: number;
	cursor: number;
	drafts: Record<string, string>;
	// The settings the cluster file held: kept in it even where they equal the default.
	given: Answers;
	// Why the page cannot be left forward yet.
	problems: string[];
	// The machine list the pages are made for (none: the pages were given as they are), and each
	// node's predicted layout with the source it was predicted for (none until the first came).
	machines?: Cluster;
	layouts?: ClusterLayouts;
};

export type ClusterSettingsAction = {type: 'field'; action: FieldAction} | {type: 'focus'; delta: number} | {type: 'page'; delta: number} | {type: 'problems'; problems: string[]} | {type: 'start'; cluster: Cluster; settings: Answers} | {type: 'layout'; layouts: ClusterLayouts};

export function clusterSettings(pages: ClusterSettingsPage[], settings: Answers): ClusterSettingsState {
	const values = resolveValues(settings);
	const drafts: Record<string, string> = {};
	for (const page of pages) for (const id of page.asked) drafts[id] = values[id];
	const first = drafts[pages[0]?.asked[0] ?? ''] ?? '';
	return {pages, page: 0, focus: 0, cursor: [...first].length, drafts, given: settings, problems: []};
}

// The pages for a machine list, made for the article's layout until a prediction comes ('layout').
export const clusterSettingsFor = (cluster: Cluster, settings: Answers): ClusterSettingsState => ({...clusterSettings(pagesFor(cluster, settings, undefined), settings), machines: cluster});

// The answers the pages hold now: the file's, then what is typed.
export const draftAnswers = (state: ClusterSettingsState): Answers => ({...state.given, ...state.drafts});

// What the layout prediction for the pages depends on now (undefined: no machine list, nothing to predict).
export const pagesLayoutKey = (state: ClusterSettingsState): string | undefined => (state.machines ? layoutKey(state.machines, draftAnswers(state)) : undefined);

// What the page says of the layout (cluster-settings-pages.ts): predicting, or where its file is read and how that is known.
export function layoutWords(state: ClusterSettingsState): string[] {
	const page = state.pages[state.page];
	return state.machines && page ? pageLayoutLines(state.machines, draftAnswers(state), state.layouts, page) : [];
}

// The pages made again (a source chosen, a layout predicted): what is typed is kept, a setting
// asked now for the first time starts at its value, and the cursor stays on the page it was on
// (or the one that asks the setting it was in).
function withPages(state: ClusterSettingsState, layouts: ClusterLayouts | undefined): ClusterSettingsState {
	if (!state.machines) return state;
	const pages = pagesFor(state.machines, draftAnswers(state), layouts);
	const values = resolveValues(draftAnswers(state));
	const drafts = {...state.drafts};
	for (const id of pages.flatMap(page => page.asked)) drafts[id] ??= values[id];
	const focused = focusedId(state);
	const byId = pages.findIndex(page => page.id === state.pages[state.page]?.id);
	const bySetting = pages.findIndex(page => focused !== undefined && page.asked.includes(focused));
	const page = byId >= 0 ? byId : bySetting >= 0 ? bySetting : Math.min(state.page, pages.length - 1);
	const focus = Math.max(0, focused === undefined ? 0 : (pages[page]?.asked.indexOf(focused) ?? 0));
	const now = pages[page]?.asked[focus];
	const cursor = now === focused ? state.cursor : [...(now ? (drafts[now] ?? '') : '')].length;
	return {...state, pages, drafts, page, focus, cursor, ...(layouts ? {layouts} : {})};
}

function focusedId(state: ClusterSettingsState): SettingId | undefined {
	return state.pages[state.page]?.asked[state.focus];
}

const atFocus = (state: ClusterSettingsState, page: number, focus: number): ClusterSettingsState => {
	const id = state.pages[page]?.asked[focus];
	return {...state, page, focus, cursor: [...(id ? (state.drafts[id] ?? '') : '')].length, problems: []};
};

// The values typed on a page that its settings' own checks refuse, as lines to show.
export function pageProblems(state: ClusterSettingsState, page = state.page): string[] {
	return (state.pages[page]?.asked ?? []).flatMap(id => {
		const checked = checkAnswer(id, state.drafts[id] ?? '');
		return checked.ok ? [] : [checked.message];
	});
}

// The drafts after `id` became `value`: a setting whose default that choice decides (defaultBy: the
// executor registration timeout while docker is among the containerizers) follows it while it
// holds the default chosen before and the cluster file does not give it; every page was filled at
// the start, so its draft would otherwise keep the old default the nodes no longer get.
function withFollowers(state: ClusterSettingsState, id: SettingId, value: string): Record<string, string> {
	const drafts = {...state.drafts, [id]: value};
	for (const follower of settings) {
		if (follower.defaultBy?.setting !== id || follower.id in state.given || !(follower.id in drafts)) continue;
		const defaultFor = (chosen: string): string => follower.defaultBy?.value(chosen) ?? follower.default;
		if (drafts[follower.id] === defaultFor(state.drafts[id] ?? '')) drafts[follower.id] = defaultFor(value);
	}
	return drafts;
}

export function clusterSettingsReducer(state: ClusterSettingsState, action: ClusterSettingsAction): ClusterSettingsState {
	switch (action.type) {
		case 'field': {
			const id = focusedId(state);
			if (!id) return state;
			const edited = applyFieldAction(findSetting(id), {text: state.drafts[id] ?? '', cursor: state.cursor}, action.action);
			const typed = {...state, drafts: withFollowers(state, id, edited.text), cursor: edited.cursor, problems: []};
			// The source decides the source's own settings asked after it.
			return id === 'repo.source' && edited.text !== state.drafts[id] ? withPages(typed, state.layouts) : typed;
		}
		case 'focus': {
			const count = state.pages[state.page]?.asked.length ?? 0;
			return count === 0 ? state : atFocus(state, state.page, (state.focus + action.delta + count) % count);
		}
		case 'page': {
			// Forward only from a page whose values are allowed; back always.
			const problems = action.delta > 0 ? pageProblems(state) : [];
			if (problems.length > 0) return {...state, problems};
			const page = Math.min(Math.max(state.page + action.delta, 0), state.pages.length - 1);
			return page === state.page ? state : atFocus(state, page, 0);
		}
		case 'problems':
			return {...state, problems: action.problems};
		case 'start':
			return clusterSettingsFor(action.cluster, action.settings);
		case 'layout':
			// A prediction for a source no longer chosen is not shown.
			return action.layouts.for === pagesLayoutKey(state) ? withPages(state, action.layouts) : state;
	}
}

// The cluster file's `settings`: what the file held (as now typed), and every value that differs
// from its default, so the file says only what was chosen. A default another setting decides
// (defaultBy) is the one the values chosen give it: 10mins beside docker is not written.
export function chosenSettings(state: ClusterSettingsState): Answers {
	// A setting the file gives that no page asks stays as it is.
	const chosen: Answers = {...state.given};
	const drafts = Object.entries(state.drafts) as [SettingId, string][];
	const keep = (defaults: Answers, [id, value]: [SettingId, string]) => {
		if (value !== defaults[id] || id in state.given) chosen[id] = value;
	};
	const decidedByOthers = (id: SettingId): boolean => findSetting(id).defaultBy !== undefined;
	const plain = resolveValues({});
	for (const draft of drafts) if (!decidedByOthers(draft[0])) keep(plain, draft);
	const decided = resolveValues(chosen);
	for (const draft of drafts) if (decidedByOthers(draft[0])) keep(decided, draft);
	return chosen;
}

// Why a setting holds the value typed on its page, where another setting's value chose that default
// (the page shows it under the setting, as the single machine's page and the file's note do).
export function draftReason(state: ClusterSettingsState, id: SettingId): string | undefined {
	const values = resolveValues({...state.given, ...state.drafts});
	return defaultReason(id, {...values, [id]: state.drafts[id] ?? values[id]});
}

