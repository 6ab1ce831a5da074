// The settings list, grouped by the file that holds them (in the catalogue's order), each with
// its value read from disk now and a mark where the disk differs from the saved answer.
import {type CurrentValues, shownValue} from '../../model/current-values.js';
import {editableSettings} from '../../model/editable-settings.js';
import {type SettingId, settings} from '../../model/settings.js';

export type SettingRow = {
	id: SettingId;
	label: string;
	value: string;
	group: string;
	editedByHand: boolean;
	saved: string;
	problem?: string;
	// Its file does not exist: `value` says so, with what the setup would write.
	fileMissing: boolean;
};

export const savedOnlyGroup = 'kept in the saved answers (used by the full setup)';

// Only the settings `edit` changes on this machine (model/editable-settings.ts): the list never
// offers one it would then refuse.
export function settingRows(current: CurrentValues): SettingRow[] {
	const labels = new Map(settings.map(s => [s.id, s.label]));
	const editable = new Set(editableSettings(current.values));
	const rows = current.settings.filter(s => editable.has(s.id)).map(s => ({
		id: s.id,
		label: labels.get(s.id) ?? s.id,
		value: shownValue(s),
		group: s.path ?? savedOnlyGroup,
		editedByHand: s.editedByHand,
		saved: s.saved,
		fileMissing: s.fileMissing,
		...(s.problem ? {problem: s.problem} : {}),
	}));
	const order = [...new Set(rows.filter(r => r.group !== savedOnlyGroup).map(r => r.group)), savedOnlyGroup];
	// Each file's heading is drawn over its first row listed (setting-lines.ts).
	return order.flatMap(group => rows.filter(r => r.group === group));
}

// One line per setting in the list; unique, since it starts with the setting's own label.
export function rowLabel(row: SettingRow, labelWidth: number): string {
	const mark = row.problem ? '  ✖ not valid' : row.editedByHand ? '  ✎ edited by hand' : '';
	return `${row.label.padEnd(labelWidth)}  ${row.value}${mark}`;
}
