// The settings pages of the cluster screens: the pages a single machine's wizard has (model/wizard-pages.ts,
// from the plans of the cluster's nodes), asked once for every node. A setting the machine list
// decides (model/cluster-derivation.ts) is shown as derived, with its value on each node, never asked.
// What a person sets becomes the cluster file's `settings`. Pure.
import {checkAnswer, defaultReason, resolveValues, type Answers} from './answers.js';
import {findDerivedSetting, nodeAnswers} from './cluster-derivation.js';
import type {NodePlan} from './cluster-plan.js';
import type {Cluster} from './cluster.js';
import {applyFieldAction, type FieldAction} from './field-input.js';
import {findSetting, type SettingId, settings} from './settings.js';
import {wizardPages} from './wizard-pages.js';

export type ClusterSettingsPage = {id: string; title: string; asked: SettingId[]; derived: SettingId[]};

// The wizard's pages of every node's plan, in plan order, a page once however many nodes have it.
export function clusterSettingsPages(plans: readonly Pick<NodePlan, 'plan'>[]): ClusterSettingsPage[] {
	const pages = new Map<string, {title: string; fields: Set<SettingId>}>();
	for (const {plan} of plans) {
		for (const page of wizardPages(plan)) {
			if (page.fields.length === 0) continue;
			const known = pages.get(page.id) ?? {title: page.title, fields: new Set<SettingId>()};
			for (const id of page.fields) known.fields.add(id);
			pages.set(page.id, known);
		}
	}
	return [...pages].map(([id, {title, fields}]) => ({
		id,
		title,
		asked: [...fields].filter(field => !findDerivedSetting(field)),
		derived: [...fields].filter(field => findDerivedSetting(field) !== undefined),
	}));
}

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
};

export type ClusterSettingsAction = {type: 'field'; action: FieldAction} | {type: 'focus'; delta: number} | {type: 'page'; delta: number} | {type: 'problems'; problems: string[]} | {type: 'start'; pages: ClusterSettingsPage[]; settings: Answers};

export function clusterSettings(pages: ClusterSettingsPage[], settings: Answers): ClusterSettingsState {
	const values = resolveValues(settings);
	const drafts: Record<string, string> = {};
	for (const page of pages) for (const id of page.asked) drafts[id] = values[id];
	const first = drafts[pages[0]?.asked[0] ?? ''] ?? '';
	return {pages, page: 0, focus: 0, cursor: [...first].length, drafts, given: settings, problems: []};
}

const focusedId = (state: ClusterSettingsState): SettingId | undefined => state.pages[state.page]?.asked[state.focus];

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
			return {...state, drafts: withFollowers(state, id, edited.text), cursor: edited.cursor, problems: []};
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
			return clusterSettings(action.pages, action.settings);
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

