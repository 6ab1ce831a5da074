// Which settings `edit` changes on this machine, decided once: the edit list shows exactly these,
// and `edit ID VALUE` refuses the others with the reason. A role or a package source is chosen by
// a setup (it installs other packages, trusts another key); a setting read only by a service this
// role does not run, or only by another source, changes nothing here.
import type {Values} from './answers.js';
import {type RepositorySettingId, repositorySettings, sourceOf, sourceSettings} from './repository-settings.js';
import {roleOf, roleServices} from './roles.js';
import {findSetting, type SettingId, settingIds} from './settings.js';

const sourceRead = new Set<SettingId>(repositorySettings.map(setting => setting.id).filter(id => id !== 'repo.source'));
const isSourceSetting = (id: SettingId): id is RepositorySettingId => sourceRead.has(id);

// Why `edit` does not change `id` here, or undefined where it does. `value`: the value asked
// for, when there is one (a role asked again as it is changes nothing, so it is no refusal).
export function editRefusal(id: SettingId, values: Values, value?: string): string | undefined {
	const role = roleOf(values['node.role']);
	if (id === 'node.role') {
		if (value === role) return undefined;
		return `node.role: this machine was set up as ${role}; another role installs and starts other services: run mesos-setup setup --set node.role=${value ?? 'ROLE'} instead of edit.`;
	}
	const source = sourceOf(values);
	if (isSourceSetting(id) && !sourceSettings(source).includes(id)) {
		return `${id} is not read by this machine's package source (repo.source is ${source}, which reads ${sourceSettings(source).join(', ') || 'no other setting'}); to change the source, give both: mesos-setup edit repo.source SOURCE --set ${id}=VALUE.`;
	}
	const {restarts} = findSetting(id);
	const runs = roleServices(role);
	if (restarts.length === 0 || restarts.some(service => runs.includes(service))) return undefined;
	return `${id} is read by ${restarts.join(' and ')}, which this machine does not run (node.role is ${role}, which runs ${runs.join(', ')}); set it on a machine that runs ${restarts.length === 1 ? 'it' : 'them'}.`;
}

export const editableSettings = (values: Values): SettingId[] => settingIds.filter(id => editRefusal(id, values) === undefined);
