// One page of questions: the settings written to one file (or the installer's own), with help
// and validation, and what they bring that is worth a warning. Nothing is written here: every
// change is shown in the summary first.
import {Box, Text} from 'ink';
import React from 'react';
import {findSetting} from '../../model/settings.js';
import {activeMode} from '../../model/wizard-state.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {FieldsForm} from './FieldsForm.js';
import {PageWarnings} from './PageWarnings.js';
import type {ScreenProps} from './screen-props.js';

export function QuestionsScreen({state, page, pages, width}: ScreenProps) {
	const mode = activeMode(state);
	const questions = pages.filter(p => p.kind === 'questions');
	const number = questions.findIndex(p => p.id === page.id) + 1;
	const file = page.title.startsWith('/');
	// master.ip and the like: their page is there while they are empty, but their file is not written.
	const emptyWritesNothing = page.fields.some(id => findSetting(id).emptyWritesNothing);
	const next = state.guided ? (number < questions.length ? 'the next page' : 'the summary of every change') : 'the list of settings';
	return (
		<Box flexDirection="column">
			<Text bold>
				Settings page {number} of {questions.length}: {page.title}
			</Text>
			<WrappedText text={file ? `Written to ${page.title}${emptyWritesNothing ? ', unless it is left empty: then no file is written' : ''}.` : 'Kept in the saved answers: where the packages come from (the key, repository and install steps) and what this machine runs.'} width={width} dimColor />
			<Box marginTop={1}>
				<FieldsForm fields={page.fields} state={state} width={width} />
			</Box>
			{mode.kind === 'fields' ? <PageWarnings state={state} page={page} width={width} /> : null}
			<WrappedText text={`Tab and Shift+Tab move between fields; Enter on the last one goes on to ${next}. Nothing is written before the summary.`} width={width} dimColor />
		</Box>
	);
}
