// One setting, edited: its label, its value (free text with ink-text-input, or a list of
// choices with ink-select-input), the catalogue's help while focused, and the validator's
// verdict beside it as the person types. Enter is passed on only while the value is allowed.
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import React from 'react';
import type {Setting} from '../../../model/settings.js';

type Props = {
	setting: Setting;
	value: string;
	focus: boolean;
	onChange: (text: string) => void;
	// Enter on this field: called with the value as it will be stored (trimmed, normalised), only
	// when it is allowed. Leave it out where a key handler above reads Enter (the wizard does).
	onSubmit?: (value: string) => void;
	labelWidth?: number;
};

// The choices, with the current value added when it is allowed but not one of them.
export function choiceItems(setting: Setting, value: string): {label: string; value: string}[] {
	const choices = [...(setting.choices ?? [])];
	if (value !== '' && !choices.includes(value)) choices.push(value);
	return choices.map(choice => ({label: choice, value: choice}));
}

export function FieldEditor({setting, value, focus, onChange, onSubmit, labelWidth = 34}: Props) {
	const verdict = setting.validate(value);
	const submit = (text: string) => {
		const checked = setting.validate(text);
		// Not allowed: Enter does nothing; the reason is already shown beside the field.
		if (checked.ok) onSubmit?.(checked.value);
	};
	const items = setting.choices ? choiceItems(setting, value) : [];
	return (
		<Box flexDirection="column">
			<Box>
				<Box width={labelWidth} flexShrink={0}>
					<Text color={focus ? 'cyan' : undefined} bold={focus} wrap="truncate-end">
						{focus ? '▸ ' : '  '}
						{setting.label}
					</Text>
				</Box>
				<Box flexShrink={0} marginRight={2}>
					{setting.choices && focus ? (
						<SelectInput
							items={items}
							initialIndex={Math.max(0, items.findIndex(item => item.value === value))}
							onHighlight={item => onChange(item.value)}
							{...(onSubmit ? {onSelect: (item: {value: string}) => submit(item.value)} : {})}
						/>
					) : focus ? (
						<TextInput value={value} onChange={onChange} {...(onSubmit ? {onSubmit: submit} : {})} />
					) : (
						<Text>{value === '' ? ' ' : value}</Text>
					)}
				</Box>
				{verdict.ok ? null : (
					<Box flexShrink={1}>
						<Text color="red">✖ not allowed: use {verdict.allowed}</Text>
					</Box>
				)}
			</Box>
			{focus ? (
				<Box marginLeft={4}>
					<Text dimColor>{setting.help}</Text>
				</Box>
			) : null}
		</Box>
	);
}
