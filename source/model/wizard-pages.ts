// The wizard's pages, read from the plan. First what only reads or asks: welcome, the preflight,
// the settings at a glance, the question pages, then the summary of every change; only then the
// pages that change the machine, one per plan step, run one after another; then done. Recomputed
// whenever an answer changes, so every page shows the plan as it stands.
import {type Problem, settingRules, type Values} from './answers.js';
import type {Facts} from './facts.js';
import type {Plan, Step, StepId} from './plan.js';
import {roleSettingFiles} from './plan/configure.js';
import {sourceOf, sourceSettings} from './repository-settings.js';
import {findSetting, type SettingId, settings as allSettings} from './settings.js';

export type PageKind = 'welcome' | 'checks' | 'settings' | 'questions' | 'summary' | 'commands' | 'services' | 'done';

export type Page = {
	id: string;
	kind: PageKind;
	title: string;
	// The entry of the step list the page belongs to (the question pages are all "Settings").
	group: string;
	// The plan step the page carries out.
	step?: Step;
	// Settings a person can change on this page (question pages).
	fields: SettingId[];
	// Applying this page finishes its plan step.
	completesStep: boolean;
};

export const settingsPageId = 'settings';
export const summaryPageId = 'summary';

// Installer settings with no file of their own are asked where they are used: the package source
// first (it decides the key and the repository), then only what that source reads; the machine's
// role after them, before the install it decides.
const installerFields = (values: Values): SettingId[] => {
	const source = sourceOf(values);
	return ['repo.source', ...sourceSettings(source), 'node.role'];
};

const kindOf = (id: StepId): PageKind => (id === 'preflight' ? 'checks' : id === 'start' ? 'services' : 'commands');

const stepPage = (step: Step): Page => ({id: step.id, kind: kindOf(step.id), title: step.title, group: step.title, step, fields: [], completesStep: true});

export function wizardPages(plan: Plan): Page[] {
	const [preflight, ...changing] = plan.steps;
	return [
		{id: 'welcome', kind: 'welcome', title: 'Welcome', group: 'Welcome', fields: [], completesStep: false},
		...(preflight ? [stepPage(preflight)] : []),
		{id: settingsPageId, kind: 'settings', title: 'Settings', group: 'Settings', fields: [], completesStep: false},
		...questionPages(plan),
		{id: summaryPageId, kind: 'summary', title: 'Summary', group: 'Summary', fields: [], completesStep: false},
		...changing.map(stepPage),
		{id: 'done', kind: 'done', title: 'Done', group: 'Done', fields: [], completesStep: false},
	];
}

// Where a setting is written, or undefined for the installer's own settings (saved answers only).
export const homeOf = (id: SettingId, facts: Facts): string | undefined => findSetting(id).location(facts)?.path;

export const questionPageId = (key: string): string => `ask:${key}`;

// The question pages: the installer's own settings first (where the packages come from), then
// one page per file of the role in the order the plan writes them, each setting on the page of
// the file it is written to (one whose empty value writes nothing, the master's ip and host name,
// too: its page stays where it is when a value is typed). A setting that must match another
// (zookeeper.myid against zookeeper.servers) is asked on the other's page, after it.
export function questionPages(plan: Plan): Page[] {
	const {facts} = plan;
	const groups: {key: string; title: string; fields: SettingId[]}[] = [];
	groups.push({key: 'installer', title: 'Package source and role', fields: installerFields(plan.values)});
	for (const path of roleSettingFiles(plan.values, facts)) groups.push({key: path, title: path, fields: allSettings.filter(setting => homeOf(setting.id, facts) === path).map(setting => setting.id)});
	for (const [first, ...rest] of settingRules) {
		const at = groups.findIndex(group => group.fields.includes(first as SettingId));
		for (const id of rest) {
			const from = groups.findIndex(group => group.fields.includes(id));
			if (at < 0 || from < 0 || from > at) continue;
			const group = groups[from];
			if (group) group.fields = group.fields.filter(field => field !== id);
			groups[at]?.fields.push(id);
		}
	}
	return groups
		.filter(group => group.fields.length > 0)
		.map(group => ({id: questionPageId(group.key), kind: 'questions', title: group.title, group: 'Settings', fields: group.fields, completesStep: false}));
}

// Every setting the wizard asks, in the order it asks them.
export const askedSettings = (pages: readonly Page[]): SettingId[] => pages.flatMap(page => page.fields);

// Whether a page asks one of the settings a problem is about.
export const pageMends = (page: Page, problem: Problem): boolean => page.fields.some(id => problem.settings.includes(id));

// The page where a consistency problem can last be mended: the latest page holding a setting it is
// about (myid against the servers: the zoo.cfg page, which asks both).
export function problemPage(problem: Problem, pages: readonly Page[]): number {
	return Math.max(-1, ...pages.flatMap((page, index) => (pageMends(page, problem) ? [index] : [])));
}
