// Configuration: one file action per file the catalogue names, in catalogue order, each edit made
// by the storage kinds of the settings it holds (storage.ts); a companion file (files.ts) right
// after the file it goes with.
import {defaultReason, type Values} from '../answers.js';
import type {Facts} from '../facts.js';
import {type CompanionFile, companionFiles, fileShapeOf, layoutNote} from '../files.js';
import {roleOf, roleServices} from '../roles.js';
import {type ServiceName, startOrder} from '../services.js';
import {findSetting, type Setting, type SettingId, settings} from '../settings.js';
import {editOf, fixedLineNotes, setsEveryValue} from '../storage.js';
import type {Action, FileAction, Step} from './types.js';

// A file is this role's when one of the services that read it runs here (an agent has no zoo.cfg).
const readBy = (restarts: readonly ServiceName[], services: readonly ServiceName[]): boolean => restarts.some(service => services.includes(service));

function settingsByFile(facts: Facts, services: readonly ServiceName[]): Map<string, Setting[]> {
	const files = new Map<string, Setting[]>();
	for (const setting of settings) {
		const location = setting.location(facts);
		if (!location || !readBy(setting.restarts, services)) continue;
		files.set(location.path, [...(files.get(location.path) ?? []), setting]);
	}
	return files;
}

// The files this machine's role keeps its settings in, in catalogue order: each is a page of the
// wizard, also while its setting is empty and writes nothing (master.ip), so pages do not move
// when such a setting is filled in.
export const roleSettingFiles = (values: Values, facts: Facts): string[] => [...settingsByFile(facts, roleServices(roleOf(values['node.role']))).keys()];

// A whole file whose value is the one it follows: the article copies /etc/mesos/zk to Marathon's
// master file, and a script can do the same.
function copyOf(setting: Setting, values: Values, facts: Facts): string | undefined {
	const source = setting.derivedFrom;
	if (!source || setting.derivedAs || values[setting.id] !== values[source]) return undefined;
	const location = findSetting(source).location(facts);
	return location?.storage.kind === 'whole' ? location.path : undefined;
}

// The action that writes `chosen` (settings kept in `path`; `group` is all the file holds).
function fileAction(path: string, group: readonly Setting[], chosen: readonly Setting[], values: Values, facts: Facts): FileAction {
	const storageOf = (setting: Setting) => setting.location(facts)?.storage ?? {kind: 'whole' as const};
	const [first] = chosen;
	const written = first && setsEveryValue(storageOf(first)) ? group : chosen;
	const shape = fileShapeOf(path);
	const edit = editOf(
		written.map(setting => ({storage: storageOf(setting), value: values[setting.id]})),
		shape,
		chosen.length === 1 && first ? copyOf(first, values, facts) : undefined,
	);
	return {
		kind: 'file',
		title: chosen.length === 1 ? (first?.label ?? path) : path,
		path,
		settings: chosen.map(s => s.id),
		edit,
		mode: 0o644,
		notes: [...fixedLineNotes(shape.fixed), ...[layoutNote(path, facts), ...chosen.map(s => defaultReason(s.id, values))].filter(note => note !== undefined)],
		restarts: startOrder.filter(service => chosen.some(s => s.restarts.includes(service))),
	};
}

// The file of settings whose empty value writes nothing, all emptied: it goes.
const removal = (path: string, emptied: readonly Setting[]): FileAction => ({
	kind: 'file',
	title: emptied.length === 1 ? (emptied[0]?.label ?? path) : path,
	path,
	settings: emptied.map(s => s.id),
	edit: {format: 'absent'},
	mode: 0o644,
	notes: [],
	restarts: startOrder.filter(service => emptied.some(s => s.restarts.includes(service))),
});

// The companion files written after the file that holds `group`: in a whole setup after the file
// of the setting it follows; in a change (`asked`: the settings changed in this file), after the
// first file with a setting it holds, whichever that is (zoo.cfg's dataDir moves myid's companion
// as myid's own file does). `written`: the companions already placed, each only once.
function companionsOf(group: readonly Setting[], asked: readonly Setting[] | undefined, values: Values, facts: Facts, services: readonly ServiceName[], written: Set<string>): FileAction[] {
	const triggered = (companion: CompanionFile): boolean =>
		asked === undefined ? group.some(s => s.id === companion.follows) : !companion.setupOnly && asked.some(s => s.id === companion.follows || companion.settings.includes(s.id));
	return companionFiles
		.filter(companion => !written.has(companion.title) && triggered(companion) && readBy(companion.restarts, services))
		.flatMap(companion => {
			const file = companion.file(values, facts);
			if (!file) return [];
			const {location, value, note} = file;
			written.add(companion.title);
			return [{kind: 'file', title: companion.title, path: location.path, settings: companion.settings, edit: editOf([{storage: location.storage, value}]), mode: 0o644, notes: [note], restarts: companion.restarts}];
		});
}

// The file actions for the given settings (every file when `only` is undefined), in catalogue
// order: only the files the services of this machine's role read.
export function fileActions(values: Values, facts: Facts, only?: ReadonlySet<SettingId>): Action[] {
	const services = roleServices(roleOf(values['node.role']));
	const actions: Action[] = [];
	const companionsWritten = new Set<string>();
	for (const [path, group] of settingsByFile(facts, services)) {
		const asked = only ? group.filter(s => only.has(s.id)) : group;
		const chosen = asked.filter(s => !(s.emptyWritesNothing && values[s.id] === ''));
		// A change that empties such a setting removes the file its earlier value wrote (a file
		// already absent stays absent: the action then finds nothing to do); a full setup removes
		// only a file mesos-setup wrote before and that is still there, so a fresh plan names none.
		if (chosen.length === 0 && asked.length > 0 && (only || facts.writtenBefore?.includes(path))) actions.push(removal(path, asked));
		if (chosen.length === 0) continue;
		actions.push(fileAction(path, group, chosen, values, facts), ...companionsOf(group, only ? asked : undefined, values, facts, services, companionsWritten));
	}
	return actions;
}

export function configurationStep(values: Values, facts: Facts): Step {
	return {
		id: 'configuration',
		title: 'Configuration',
		summary: 'Writes each configuration file in the article’s order; edited files keep every other line.',
		actions: fileActions(values, facts),
	};
}
