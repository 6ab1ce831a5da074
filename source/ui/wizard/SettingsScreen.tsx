// Every setting at a glance, before any question: its value, where it is written, * where it
// differs from the default and ✗ where it breaks a rule or holds a value typed that is not
// allowed. Enter on the first item goes on with these values (so Enter on every screen walks the setup with its defaults); the second walks
// every question page; any other opens that setting's page.
import {Box, Text} from 'ink';
import React, {useMemo} from 'react';
import {overviewActions} from '../../model/wizard-moves.js';
import {overviewRows, savedAnswersPlace} from '../../model/settings-overview.js';
import {findSetting} from '../../model/settings.js';
import {keepEnd} from '../../model/terminal-text.js';
import {activeMode} from '../../model/wizard-state.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {scrollWindow} from '../components/scroll/scroll-window.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import type {ScreenProps} from './screen-props.js';

const actionLabels: Record<(typeof overviewActions)[number], string> = {
	continue: 'Continue with these values',
	walk: 'Walk through every page, one question at a time',
};

const fit = (text: string, width: number): string => (text.length <= width ? text.padEnd(width) : `${text.slice(0, Math.max(0, width - 1))}…`);


// The columns the file's path takes in a wide screen; a narrower one names the file of the chosen
// setting under the list instead, so values are not cut.
const pathColumns = 26;
const valueColumns = 34;

export function SettingsScreen({state, pages, height, width}: ScreenProps) {
	const mode = activeMode(state);
	const {answers, drafts, facts} = state;
	const rows = useMemo(() => overviewRows(answers, facts, pages, drafts), [answers, facts, pages, drafts]);
	const cursor = mode.kind === 'overview' ? mode.cursor : 0;
	const problems = mode.kind === 'overview' ? mode.problems : [];
	const items = [...overviewActions.map(action => ({key: action, text: actionLabels[action], tone: undefined})), ...rows.map(row => ({key: row.id, text: '', tone: row}))];
	const space = useRowsLeft(height);
	// Scrolled as the other lists are, the row under the cursor centred, saying what is above and below.
	const rowsFor = Math.max(3, space.rows);
	const shown = scrollWindow(items.length, rowsFor, cursor - Math.floor((rowsFor - 2) / 2));
	const {start} = shown;
	const end = start + shown.visible;
	const labelWidth = Math.min(30, Math.max(...rows.map(row => row.label.length)) + 1);
	const room = width - labelWidth - 6;
	const wide = room >= valueColumns + pathColumns - 4;
	const valueWidth = wide ? room - pathColumns : room;
	const whereWidth = pathColumns;
	const chosen = rows[cursor - overviewActions.length];
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<Text bold>Every setting, as it will be written. Nothing is written before the summary.</Text>
			</Box>
			<Box flexDirection="column">
				<MoreRow at="above" count={shown.above} word="row" />
				{items.slice(start, end).map((item, offset) => {
					const here = start + offset === cursor;
					const row = item.tone;
					const mark = row?.problem || row?.notAllowed ? '✗' : row?.changed ? '*' : ' ';
					return (
						<Text key={item.key} color={here ? 'blue' : row?.problem || row?.notAllowed ? 'red' : undefined} bold={here} wrap="truncate-end">
							{here ? '❯ ' : '  '}
							{row ? `${mark} ${fit(row.label, labelWidth)} ${wide ? fit(row.value, valueWidth) : row.value} ` : item.text}
							{row && wide ? <Text dimColor>{keepEnd(row.where, whereWidth)}</Text> : null}
						</Text>
					);
				})}
				<MoreRow at="below" count={shown.below} word="row" />
			</Box>
			<Box ref={space.below} flexDirection="column">
				<Text dimColor>* differs from the default · ✗ not allowed, or breaks a rule across settings</Text>
				{problems.map(problem => (
					<WrappedText key={problem} text={`✖ ${problem}`} width={width} indent="  " color="red" />
				))}
				{chosen && !wide ? <Text wrap="truncate-end">{chosen.where === savedAnswersPlace ? 'Kept in the saved answers.' : `Written to ${chosen.where}.`}</Text> : null}
				{chosen ? <WrappedText text={findSetting(chosen.id).help} width={width} indent="" dimColor /> : null}
			</Box>
		</Box>
	);
}
