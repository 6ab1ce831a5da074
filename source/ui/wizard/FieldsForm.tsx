// The settings a page asks for, one FieldEditor each; the focused one shows its cursor and help.
// Problems that span settings (myid not among the servers, quorum not a majority) are shown
// under them. Render only: the wizard's reducer holds what is typed.
import {Box, type DOMElement, Text} from 'ink';
import React, {type RefObject} from 'react';
import {defaultReason, resolveValues} from '../../model/answers.js';
import {findSetting, type SettingId} from '../../model/settings.js';
import {fieldText, type WizardState} from '../../model/wizard-state.js';
import {FieldEditor} from '../components/field-editor/FieldEditor.js';

type Props = {
	fields: readonly SettingId[];
	state: WizardState;
	width?: number;
	// Where the focused field and the problems are drawn, for a page that scrolls to keep them in view.
	focused?: RefObject<DOMElement | null>;
	problems?: RefObject<DOMElement | null>;
};

export function FieldsForm({fields, state, width, focused, problems}: Props) {
	const {mode} = state;
	const typing = mode.kind === 'fields' ? mode : undefined;
	// What the earlier pages chose, for a default another setting decides (defaultReason).
	const values = resolveValues(state.answers);
	// Labels as wide as the longest on the page, so values start close to them.
	const labelWidth = Math.min(34, Math.max(...fields.map(id => findSetting(id)?.label.length ?? 0)) + 4);
	return (
		<Box flexDirection="column">
			{fields.map((id, index) => {
				const setting = findSetting(id);
				if (!setting) return null;
				const focus = typing?.focus === index;
				const value = fieldText(state, id, values);
				const why = defaultReason(id, {...values, [id]: value});
				return (
					<Box key={id} flexDirection="column" {...(focus && focused ? {ref: focused} : {})}>
						<FieldEditor setting={setting} value={value} {...(focus ? {cursor: typing.cursor} : {})} focus={focus} labelWidth={labelWidth} {...(width === undefined ? {} : {width})} {...(why ? {note: why} : {})} />
					</Box>
				);
			})}
			<Box flexDirection="column" {...(problems ? {ref: problems} : {})}>
				{(typing?.problems ?? []).map(problem => (
					<Text key={problem} color="red">
						✖ {problem}
					</Text>
				))}
			</Box>
		</Box>
	);
}
