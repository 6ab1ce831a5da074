// Every setting, grouped by file, with its value on disk now; the highlighted one marked ❯ (the
// edit screen's reducer holds which). Below it, the highlighted setting's help, and where the disk
// differs from the saved answer. Render only.
import {Box, Text} from 'ink';
import React from 'react';
import {findSetting} from '../../model/settings.js';
import {ChoiceList} from '../components/choice-list/ChoiceList.js';
import {choiceWindow} from '../components/choice-list/choice-window.js';
import {rowLabel, type SettingRow} from './setting-rows.js';

type Props = {
	// The settings listed (narrowed by the filter), and how many there are in all.
	rows: readonly SettingRow[];
	total: number;
	filter: string;
	// The highlighted setting; the first row when none is.
	highlight: string | undefined;
	// Rows the list may use, besides the help under it.
	height: number;
};

const labelWidth = 30;

export function SettingList({rows, total, filter, highlight, height}: Props) {
	const items = rows.map(row => ({...row, value: row.id, label: rowLabel(row, labelWidth)}));
	const selected = Math.max(0, rows.findIndex(r => r.id === highlight));
	const row = rows[selected];
	// A heading can come with every row: half the rows are items, so the list never overflows.
	const limit = Math.max(3, Math.min(rows.length, Math.floor((height - 1) / 2)));
	const {start} = choiceWindow(rows.length, selected, limit);
	const filterLine = filter === '' ? `Type to narrow the list (label, id or file): ${total} settings.` : `Filter: ${filter} · ${rows.length} of ${total} settings (Backspace erases, Esc clears)`;
	return (
		<Box flexDirection="column">
			<Text dimColor={filter === ''} wrap="truncate-end">
				{filterLine}
			</Text>
			{rows.length === 0 ? <Text color="yellow">No setting matches “{filter}”.</Text> : null}
			<ChoiceList
				items={items}
				selected={selected}
				limit={limit}
				renderItem={(item, isSelected, index) => (
					<Box flexDirection="column">
						{/* The first row shown carries its group's heading too, so a scrolled list still says which file. */}
						{item.first || index === start ? <Text bold>{item.group}</Text> : null}
						<Text color={isSelected ? 'cyan' : item.problem ? 'red' : item.editedByHand ? 'yellow' : undefined} wrap="truncate-end">
							{isSelected ? '❯ ' : '  '}
							{item.label}
						</Text>
					</Box>
				)}
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
