// The wizard's pages, read from the plan: welcome, one page per plan step, the configuration
// step split into one page per file (in plan order), then done. Recomputed whenever an answer
// changes, so every page shows the plan as it stands.
import type {Problem, Values} from './answers.js';
import type {Facts} from './facts.js';
import type {Action, Plan, Step, StepId} from './plan.js';
import {type PackageSource, sourceOf} from './repository-settings.js';
import {findSetting, type SettingId} from './settings.js';

export type PageKind = 'welcome' | 'checks' | 'commands' | 'file' | 'services' | 'done';

export type Page = {
	id: string;
	kind: PageKind;
	title: string;
	// The plan step the page carries out (for a file page: only that file's actions).
	step?: Step;
	// Settings a person can change on this page, in catalogue order.
	fields: SettingId[];
	// Applying this page finishes its plan step (the last file page finishes configuration).
	completesStep: boolean;
};

// Installer settings with no file of their own are asked where they are used: the package source
// first (it decides the key and the repository), then only what that source reads; the machine's
// role beside the repository, before the install it decides.
const keyFields: Record<PackageSource, SettingId[]> = {
	article: ['repo.keyserver', 'repo.key', 'repo.keyMethod'],
	apt: ['repo.keyUrl', 'repo.keyFile', 'repo.keyserver', 'repo.fingerprint'],
	folder: [],
};
const sourceFields: Record<PackageSource, SettingId[]> = {
	article: ['repo.url'],
	apt: ['repo.url', 'repo.suite', 'repo.component'],
	folder: ['repo.folder'],
};

function stepFields(id: StepId, values: Values): SettingId[] {
	const source = sourceOf(values);
	if (id === 'key') return ['repo.source', ...keyFields[source]];
	if (id === 'repository') return [...sourceFields[source], 'node.role'];
	return [];
}

const kindOf = (id: StepId): PageKind => (id === 'preflight' ? 'checks' : id === 'start' ? 'services' : 'commands');

export const filePageId = (path: string): string => `file:${path}`;

export function wizardPages(plan: Plan): Page[] {
	const pages: Page[] = [{id: 'welcome', kind: 'welcome', title: 'Welcome', fields: [], completesStep: false}];
	for (const step of plan.steps) {
		if (step.id === 'configuration') pages.push(...filePages(step, plan.facts));
		else pages.push({id: step.id, kind: kindOf(step.id), title: step.title, step, fields: stepFields(step.id, plan.values), completesStep: true});
	}
	pages.push({id: 'done', kind: 'done', title: 'Done', fields: [], completesStep: false});
	return pages;
}

const homeOf = (id: SettingId, facts: Facts): string | undefined => findSetting(id).location(facts)?.path;

// One page per file. A file that holds none of its own settings (ZooKeeper's myid copied into a
// dataDir) goes on the page of the last setting it follows, so changing dataDir there writes it.
function filePages(step: Step, facts: Facts): Page[] {
	const byPath = new Map<string, Action[]>();
	for (const action of step.actions) {
		if (action.kind !== 'file') continue;
		byPath.set(action.path, [...(byPath.get(action.path) ?? []), action]);
	}
	const pages: {path: string; actions: Action[]; fields: SettingId[]}[] = [];
	const orphans: {path: string; actions: Action[]; settings: SettingId[]}[] = [];
	for (const [path, actions] of byPath) {
		const settings = [...new Set(actions.flatMap(a => (a.kind === 'file' ? a.settings : [])))];
		const fields = settings.filter(id => homeOf(id, facts) === path);
		if (fields.length > 0 || settings.length === 0) pages.push({path, actions, fields});
		else orphans.push({path, actions, settings});
	}
	for (const orphan of orphans) {
		const homes = orphan.settings.map(id => pages.findIndex(p => p.path === homeOf(id, facts)));
		const target = pages[Math.max(...homes)];
		if (target) target.actions.push(...orphan.actions);
		else pages.push({path: orphan.path, actions: orphan.actions, fields: []});
	}
	return pages.map((page, index) => ({
		id: filePageId(page.path),
		kind: 'file',
		title: page.path,
		step: {...step, actions: page.actions},
		fields: page.fields,
		completesStep: index === pages.length - 1,
	}));
}

// Whether a page asks one of the settings a problem is about.
export const pageMends = (page: Page, problem: Problem): boolean => page.fields.some(id => problem.settings.includes(id));

// The page where a consistency problem can last be mended: the latest page holding a setting it is
// about (myid against the servers: the zoo.cfg page, after the myid page).
export function problemPage(problem: Problem, pages: readonly Page[]): number {
	return Math.max(-1, ...pages.flatMap((page, index) => (pageMends(page, problem) ? [index] : [])));
}
