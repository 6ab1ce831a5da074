// One setting, edited: its label, its value (free text with its cursor, or the catalogue's choices
// with the one chosen marked), the catalogue's help while focused, and the validator's verdict
// beside it as the person types, and under it why it holds its value where another setting chose
// that default (the wizard's page and the cluster settings pages alike). Render only: the screen's reducer holds the value and the cursor
// (model/field-input.ts) and its key handler maps keys to them (keys/field-action-of.ts).
import {Box, Text} from 'ink';
import React from 'react';
import {choicesFor} from '../../../model/field-input.js';
import type {Setting} from '../../../model/settings.js';
import {ChoiceList} from '../choice-list/ChoiceList.js';
import {focusMark} from './focus-mark.js';
import {TextField} from '../text-field/TextField.js';
import {textWidth} from '../wrapped-text/text-rows.js';
import {WrappedText} from '../wrapped-text/WrappedText.js';

type Props = {
	setting: Setting;
	value: string;
	// Where the cursor is in a free-text value (characters from its start).
	cursor?: number;
	focus: boolean;
	labelWidth?: number;
	// The columns it has: its help then wraps with each row under the first.
	width?: number;
	// Why it holds its value (model/answers.ts defaultReason), shown whether focused or not.
	note?: string;
};

export function FieldEditor({setting, value, cursor = [...value].length, focus, labelWidth = 34, width, note}: Props) {
	const verdict = setting.validate(value);
	const choices = setting.choices ? choicesFor(setting, value) : [];
	const error = verdict.ok ? '' : `✖ not allowed: use ${verdict.allowed}`;
	// The columns beside the label and the value (and its cursor's cell, and the gap after it).
	const left = width === undefined ? undefined : width - labelWidth - (textWidth(value) + 1) - 2;
	const errorWidth = left !== undefined && left >= 12 ? left : undefined;
	return (
		<Box flexDirection="column">
			<Box>
				<Box width={labelWidth} flexShrink={0}>
					<Text color={focus ? 'cyan' : undefined} bold={focus} wrap="truncate-end">
						{focusMark(focus)}
						{setting.label}
					</Text>
				</Box>
				<Box flexShrink={0} marginRight={2}>
					{setting.choices && focus ? (
						<ChoiceList items={choices.map(choice => ({value: choice, label: choice}))} selected={Math.max(0, choices.indexOf(value))} />
					) : (
						<TextField text={value} cursor={cursor} focus={focus} />
					)}
				</Box>
				{verdict.ok ? null : (
					<Box flexShrink={1}>
						{/* Wrapped here where the columns left are known, so its rows start under its first. */}
						{errorWidth === undefined ? <Text color="red">{error}</Text> : <WrappedText text={error} width={errorWidth} color="red" />}
					</Box>
				)}
			</Box>
			{focus ? (
				<Box marginLeft={4}>
					{/* Wrapped here where the width is known: Ink's own wrap starts each later row with the space it broke at. */}
					{width === undefined ? <Text dimColor>{setting.help}</Text> : <WrappedText text={setting.help} width={width - 4} dimColor />}
				</Box>
			) : null}
			{note ? <Box marginLeft={4}>{width === undefined ? <Text>{note}</Text> : <WrappedText text={note} width={width - 4} />}</Box> : null}
		</Box>
	);
}
