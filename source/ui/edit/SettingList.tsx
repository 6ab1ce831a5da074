// Every setting, grouped by file, with its value on disk now; the highlighted one marked ❯ (the
// edit screen's reducer holds which). Below it, the highlighted setting's help, and where the disk
// differs from the saved answer. Render only.
import {Box, Text} from 'ink';
import React from 'react';
import {findSetting} from '../../model/settings.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {settingLines} from './setting-lines.js';
import {rowLabel, type SettingRow} from './setting-rows.js';

type Props = {
	// The settings listed (narrowed by the filter), and how many there are in all.
	rows: readonly SettingRow[];
	total: number;
	filter: string;
	// The highlighted setting; the first row when none is.
	highlight: string | undefined;
	// Rows the list may use, with its filter line and the help under it.
	height: number;
};

const labelWidth = 30;

export function SettingList({rows, total, filter, highlight, height}: Props) {
	const selected = Math.max(0, rows.findIndex(r => r.id === highlight));
	const row = rows[selected];
	// The rows left once the filter line and the help under the list are laid out (the help's length
	// changes with the setting highlighted); the list scrolls within them, saying what is out of view.
	const space = useRowsLeft(height);
	// Before the first measurement, about what the filter line and a help of two rows leave.
	const shown = settingLines(rows, selected, space.rows > 0 ? space.rows : height - 4);
	const filterLine = filter === '' ? `Type to narrow the list (label, id or file): ${total} settings.` : `Filter: ${filter} · ${rows.length} of ${total} settings (Backspace erases, Esc clears)`;
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<Text dimColor={filter === ''} wrap="truncate-end">
					{filterLine}
				</Text>
				{rows.length === 0 ? <Text color="yellow">No setting matches “{filter}”.</Text> : null}
			</Box>
			<Box flexDirection="column">
				<MoreRow at="above" count={shown.above} word="setting" />
				{shown.lines.map(line =>
					line.kind === 'heading' ? (
						<Text key={`heading ${line.group}`} bold wrap="truncate-end">
							{line.group}
						</Text>
					) : (
						<Text key={line.row.id} color={line.index === selected ? 'cyan' : line.row.problem ? 'red' : line.row.editedByHand ? 'yellow' : undefined} wrap="truncate-end">
							{line.index === selected ? '❯ ' : '  '}
							{rowLabel(line.row, labelWidth)}
						</Text>
					),
				)}
				<MoreRow at="below" count={shown.below} word="setting" />
			</Box>
			<Box ref={space.below} flexDirection="column">
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
		</Box>
	);
}
