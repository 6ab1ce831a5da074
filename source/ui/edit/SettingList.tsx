// Every setting, grouped by file, with its value on disk now; ink-select-input moves and picks.
// Below it, the highlighted setting's help, and where the disk differs from the saved answer.
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useMemo} from 'react';
import type {CurrentValues} from '../../model/current-values.js';
import {findSetting} from '../../model/settings.js';
import {rowLabel, type SettingRow, settingRows} from './setting-rows.js';

type Props = {
	current: CurrentValues;
	// The highlighted setting; the first row when none is.
	highlight: string | undefined;
	// Rows the list may use, besides the help under it.
	height: number;
	onHighlight: (id: string) => void;
	onSelect: (id: string) => void;
};

const labelWidth = 30;

const NoIndicator = () => null;

export function SettingList({current, highlight, height, onHighlight, onSelect}: Props) {
	const rows = useMemo(() => settingRows(current), [current]);
	const items = rows.map(row => ({key: row.id, value: row.id, label: rowLabel(row, labelWidth)}));
	// The item component sees only the label; the row behind it gives the group heading.
	const Item = useMemo(() => {
		const byLabel = new Map<string, SettingRow>(rows.map(row => [rowLabel(row, labelWidth), row]));
		return function SettingItem({isSelected = false, label}: {isSelected?: boolean; label: string}) {
			const row = byLabel.get(label);
			return (
				<Box flexDirection="column">
					{row?.first ? <Text bold>{row.group}</Text> : null}
					<Text color={isSelected ? 'cyan' : row?.problem ? 'red' : row?.editedByHand ? 'yellow' : undefined} wrap="truncate-end">
						{isSelected ? '❯ ' : '  '}
						{label}
					</Text>
				</Box>
			);
		};
	}, [rows]);
	const row = rows.find(r => r.id === highlight) ?? rows[0];
	// A heading can come with every row: half the rows are items, so the list never overflows.
	const limit = Math.max(3, Math.min(rows.length, Math.floor(height / 2)));
	return (
		<Box flexDirection="column">
			<SelectInput
				items={items}
				limit={limit}
				initialIndex={Math.max(0, items.findIndex(item => item.value === highlight))}
				itemComponent={Item}
				// The pointer is drawn by the item, on its setting's line rather than its heading.
				indicatorComponent={NoIndicator}
				onHighlight={item => onHighlight(item.value)}
				onSelect={item => onSelect(item.value)}
			/>
			{row ? (
				<Box flexDirection="column" marginTop={1}>
					<Text dimColor wrap="wrap">
						{row.id}: {findSetting(row.id)?.help}
					</Text>
					{row.editedByHand ? (
						<Text color="yellow" wrap="wrap">
							On disk this is {row.value}, the saved answer says {row.saved}: someone edited {row.group} by hand. The disk wins.
						</Text>
					) : null}
					{row.fileMissing ? (
						<Text color="yellow" wrap="wrap">
							{row.group} does not exist: this setting is not set on this machine. Changing it writes the file.
						</Text>
					) : null}
					{row.problem ? (
						<Text color="red" wrap="wrap">
							{row.problem}
						</Text>
					) : null}
				</Box>
			) : null}
		</Box>
	);
}
