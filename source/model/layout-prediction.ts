// The layout the packages will read, predicted before the install from what the package source
// says (system/layout-prediction.ts reads it; nothing is changed), so that the pages, the previews,
// the summary and `plan` name the paths the run then writes. Pure.
import type {Values} from './answers.js';
import {agentLayoutFor, type AgentRole, type Facts, type LayoutPrediction, marathonLayoutFor} from './facts.js';
import {agentFolder, layoutLine, marathonConfDir, marathonDefaults} from './files.js';
import type {Step} from './plan.js';
import {type NodeRole, runsAgent, runsMaster} from './roles.js';

// mesos/mesos-packaging took Mesos's own init wrapper and units in May 2022 (its commit 7e4c69f,
// "UPDATE: to the current mesos-init-wrapper"): from then its mesos-slave.service runs
// `mesos-init-wrapper agent` and the wrapper refuses `slave`. Mesos 1.11 is what it has built since;
// the older packages (Mesosphere's repository, the article's) run `slave`. A rule by version, said
// as one, where the package's own unit cannot be read.
const agentRoleFrom = {major: 1, minor: 11};

// The role the agent's wrapper runs as, by the mesos package's version, where its files cannot be read.
export function agentLayoutForVersion(version: string | undefined): AgentRole {
	const match = version ? /^(?:\d+:)?(\d+)\.(\d+)/.exec(version) : null;
	if (!match) return 'slave';
	const [major, minor] = [Number(match[1]), Number(match[2])];
	return major > agentRoleFrom.major || (major === agentRoleFrom.major && minor >= agentRoleFrom.minor) ? 'agent' : 'slave';
}

// What a source tells about the packages it would install: their versions, and, where the mesos
// package's own files were read (a folder's .deb), what its agent service runs.
export type SourcePackages = {
	// Where it was read, for a person: the folder, or the index with its suite, component and architecture.
	where: string;
	mesos?: string;
	marathon?: string;
	// The texts of the mesos package's agent unit, upstart job or init script, where they were read.
	agentServiceFiles?: readonly string[];
};

const agentReason = (found: SourcePackages, role: AgentRole): string =>
	found.agentServiceFiles && found.agentServiceFiles.length > 0
		? `its agent service runs mesos-init-wrapper ${role}`
		: `by version, mesos-packaging’s ${agentRoleFrom.major}.${agentRoleFrom.minor}+ run mesos-init-wrapper agent, older ones slave`;

// The facts with the layout the source's packages will read. What is installed already was read
// from the machine itself and is kept; what the source does not name keeps what detection said.
export function predictedFacts(facts: Facts, found: SourcePackages): Facts {
	const agentKnown = facts.versions.mesos === undefined && found.mesos !== undefined;
	const marathonKnown = facts.versions.marathon === undefined && found.marathon !== undefined;
	if (!agentKnown && !marathonKnown) return facts;
	const agentLayout = !agentKnown
		? facts.agentLayout
		: found.agentServiceFiles && found.agentServiceFiles.length > 0
			? agentLayoutFor(found.agentServiceFiles)
			: agentLayoutForVersion(found.mesos);
	const marathonLayout = marathonKnown ? marathonLayoutFor(found.marathon) : facts.marathonLayout;
	const prediction = {
		where: found.where,
		...(agentKnown ? {agent: `mesos ${found.mesos}: ${agentReason(found, agentLayout)}`} : {}),
		...(marathonKnown ? {marathon: `marathon ${found.marathon}`} : {}),
	};
	return {...facts, agentLayout, marathonLayout, layoutPrediction: prediction};
}

// A prediction in words: where it was read and what it read there.
export const predictionText = ({where, agent, marathon}: LayoutPrediction): string => `${where} (${[agent, marathon].filter(Boolean).join('; ')})`;

// What a prediction depends on: the source and where it is (a new one is made when these change).
export const predictionKey = (values: Values): string =>
	JSON.stringify((['repo.source', 'repo.url', 'repo.suite', 'repo.component', 'repo.folder'] as const).map(id => values[id]));

const unpredictedWords = 'The layout could not be predicted from the package source:';

// The facts when the source could not be read: the article's layout, and why, for the notes.
export function unpredicted(facts: Facts, why: string): Facts {
	return {...facts, notes: [...facts.notes, `${unpredictedWords} ${why}.`]};
}

// How the layout was known, and, where the source could not be read, why not (a cluster node's lines).
export const layoutLines = (facts: Facts): string[] => [layoutSaid(facts), ...facts.notes.filter(note => note.startsWith(unpredictedWords))];

// How the layout was known, in a line for the plain runs and the summary.
export function layoutSaid(facts: Facts): string {
	const installed = facts.versions.mesos !== undefined || facts.versions.marathon !== undefined;
	const how = facts.layoutPrediction
		? `predicted from ${predictionText(facts.layoutPrediction)}`
		: installed
			? 'as installed'
			: 'the article’s, assumed until the install shows otherwise';
	return `Layout: ${layoutLine(facts)}; ${how}.`;
}

// The same, short, for the summary's head: the two folders and where they were known from.
// Only the folders this role's services read: a master runs no agent, an agent no Marathon.
export function layoutShort(facts: Facts, role: NodeRole): string {
	const agent = `${agentFolder(facts.agentLayout)}/`;
	const marathon = facts.marathonLayout === 'default-file' ? marathonDefaults : `${marathonConfDir}/`;
	const from = facts.layoutPrediction ? `predicted from ${facts.layoutPrediction.where}` : facts.versions.mesos || facts.versions.marathon ? 'as installed' : 'the article’s, assumed';
	const where = !runsMaster(role) ? `The agent’s files go to ${agent}` : !runsAgent(role) ? `Marathon’s files go to ${marathon}` : `The agent’s files go to ${agent}, Marathon’s to ${marathon}`;
	return `${where} (${from}).`;
}

export type MovedFile = {path: string; instead: string[]};

type WrittenFile = {title: string; path: string; settings: readonly string[]};
const filesOf = (steps: readonly Step[]): WrittenFile[] => steps.flatMap(step => step.actions.flatMap(a => (a.kind === 'file' ? [a] : [])));

// The same file in another layout: it holds one of the same settings (Marathon's three conf files
// are one /etc/default/marathon), or, holding none, has the same title (the agent's work_dir).
const sameFile = (a: WrittenFile, b: WrittenFile): boolean =>
	a.settings.length > 0 ? a.settings.some(id => b.settings.includes(id)) : b.settings.length === 0 && a.title === b.title;

// The files the run now writes that the summary did not show (the installed packages read another
// layout than the one shown): each with the paths shown for what it holds.
export function movedFiles(shown: readonly Step[], now: readonly Step[]): MovedFile[] {
	const before = filesOf(shown);
	const shownPaths = new Set(before.map(file => file.path));
	return filesOf(now)
		.filter(file => !shownPaths.has(file.path))
		.map(file => ({path: file.path, instead: before.filter(old => sameFile(file, old)).map(old => old.path)}));
}

// The second, short summary: said before any of them is written. `who`: what says so (the installed
// packages, or a cluster node's own source when the summary was planned without reaching it).
export function movedFilesLines(facts: Facts, moved: readonly MovedFile[], who = 'The installed packages'): string[] {
	return [
		`${who} read ${layoutLine(facts)}, not what the summary showed. These files are written instead:`,
		...moved.map(file => `  write  ${file.path}${file.instead.length > 0 ? ` (instead of ${file.instead.join(', ')})` : ' (new)'}`),
	];
}
