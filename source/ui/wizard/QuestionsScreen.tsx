// One page of questions: the settings written to one file (or the installer's own), with help
// and validation, and what they bring that is worth a warning. Nothing is written here: every
// change is shown in the summary first.
import {Box, Text} from 'ink';
import React from 'react';
import {activeMode} from '../../model/wizard-state.js';
import {FieldsForm} from './FieldsForm.js';
import {PageWarnings} from './PageWarnings.js';
import type {ScreenProps} from './screen-props.js';

export function QuestionsScreen({state, page, pages, width}: ScreenProps) {
	const mode = activeMode(state);
	const questions = pages.filter(p => p.kind === 'questions');
	const number = questions.findIndex(p => p.id === page.id) + 1;
	const file = page.title.startsWith('/');
	const next = state.guided ? (number < questions.length ? 'the next page' : 'the summary of every change') : 'the list of settings';
	return (
		<Box flexDirection="column">
			<Text bold>
				Settings page {number} of {questions.length}: {page.title}
			</Text>
			<Text dimColor>{file ? `Written to ${page.title}.` : 'Kept in the saved answers; the key and repository steps use them.'}</Text>
			<Box marginTop={1}>
				<FieldsForm fields={page.fields} state={state} />
			</Box>
			{mode.kind === 'fields' ? <PageWarnings state={state} page={page} width={width} /> : null}
			<Text dimColor>Enter on the last field goes on to {next}; nothing is written before the summary.</Text>
		</Box>
	);
}
