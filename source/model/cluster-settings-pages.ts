// Which pages the cluster settings pages show, and what they say of the layout: the wizard's pages
// of every node's plan (model/wizard-pages.ts), made with the package source the pages hold now and
// the layout each node's packages are predicted to read (use-cases/cluster-layout.ts). Until the
// prediction for that source has come the pages keep the paths shown before (the article's at
// first) and say they are predicting. Pure.
import {type Answers, resolveValues} from './answers.js';
import {findDerivedSetting, nodeAnswers} from './cluster-derivation.js';
import type {NodePlan} from './cluster-plan.js';
import type {Cluster} from './cluster.js';
import {articleMachine, type Facts} from './facts.js';
import {layoutNote} from './files.js';
import {layoutLines, predictionKey} from './layout-prediction.js';
import {buildPlan} from './plan.js';
import {repositorySettings} from './repository-settings.js';
import type {SettingId} from './settings.js';
import {wizardPages} from './wizard-pages.js';

export type ClusterSettingsPage = {id: string; title: string; asked: SettingId[]; derived: SettingId[]};

// Each node's facts with its predicted layout, and the source (layoutKey) they were predicted for.
export type ClusterLayouts = {for: string; facts: Readonly<Record<string, Facts>>};

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

const sourceIds = new Set<string>(repositorySettings.map(setting => setting.id));

// Only the package source decides which pages there are (and the machine list: the roles); the
// other values are asked on them. Read without the checks across settings, which the review makes.
const sourceAnswers = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([id]) => sourceIds.has(id)));

export const nodeFacts = (layouts: ClusterLayouts | undefined, node: string): Facts => layouts?.facts[node] ?? articleMachine;

export function pagesFor(cluster: Cluster, answers: Answers, layouts: ClusterLayouts | undefined): ClusterSettingsPage[] {
	const sourced = {...cluster, settings: sourceAnswers(answers)};
	return clusterSettingsPages(cluster.nodes.map(node => ({plan: buildPlan(resolveValues(nodeAnswers(sourced, node)), nodeFacts(layouts, node.name))})));
}

// What a prediction for these answers depends on: the source and where it is, and the machine list.
export const layoutKey = (cluster: Cluster, answers: Answers): string => JSON.stringify([predictionKey(resolveValues(sourceAnswers(answers))), cluster.nodes.map(node => [node.name, node.role])]);

// The page's words on the layout: predicting, or where each node's packages read this page's file
// and how that is known (the one-machine preview's note), or, on a page without such a file, the
// layout's line (the plain runs' words). Said once where the nodes agree, else per node.
export function pageLayoutLines(cluster: Cluster, answers: Answers, layouts: ClusterLayouts | undefined, page: ClusterSettingsPage): string[] {
	const installer = !page.title.startsWith('/');
	const readByPackages = (facts: Facts): boolean => layoutNote(page.title, facts) !== undefined;
	const shown = cluster.nodes.map(node => nodeFacts(layouts, node.name));
	if (!installer && !shown.some(readByPackages)) return [];
	if (layouts?.for !== layoutKey(cluster, answers)) {
		return [`Layout: predicting from the package source… ${layouts ? 'the paths the source before it predicted are' : 'the article’s paths are'} shown until it is read.`];
	}
	const perNode = cluster.nodes.flatMap(node => {
		const facts = nodeFacts(layouts, node.name);
		const note = installer ? undefined : layoutNote(page.title, facts);
		if (!installer && note === undefined) return [];
		return [{node: node.name, lines: note ? [note, ...layoutLines(facts).slice(1)] : layoutLines(facts)}];
	});
	const distinct = new Set(perNode.map(each => JSON.stringify(each.lines)));
	return distinct.size <= 1 ? (perNode[0]?.lines ?? []) : perNode.flatMap(each => each.lines.map(line => `${each.node}: ${line}`));
}
