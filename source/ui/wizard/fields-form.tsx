// The settings a page asks for, one FieldEditor each; the focused one takes the keys. Problems
// that span settings (myid not among the servers, quorum not a majority) are shown under them.
import {Box, Text} from 'ink';
import React, {type Dispatch} from 'react';
import {findSetting} from '../../model/settings.js';
import type {WizardAction, WizardState} from '../../model/wizard-state.js';
import {FieldEditor} from '../components/field-editor/field-editor.js';

type Props = {fields: readonly string[]; state: WizardState; dispatch: Dispatch<WizardAction>; editable: boolean};

export function FieldsForm({fields, state, dispatch, editable}: Props) {
	// Labels as wide as the longest on the page, so values start close to them.
	const labelWidth = Math.min(34, Math.max(...fields.map(id => findSetting(id)?.label.length ?? 0)) + 4);
	return (
		<Box flexDirection="column">
			{fields.map((id, index) => {
				const setting = findSetting(id);
				if (!setting) return null;
				return (
					<FieldEditor
						key={id}
						setting={setting}
						value={state.drafts[id] ?? ''}
						focus={editable && !state.quitting && index === state.focus}
						labelWidth={labelWidth}
						// Enter is read by the wizard's key handler, which always sees the latest state.
						onChange={text => dispatch({type: 'edit', id, text})}
					/>
				);
			})}
			{state.problems.map(problem => (
				<Text key={problem} color="red">
					✖ {problem}
				</Text>
			))}
		</Box>
	);
}
