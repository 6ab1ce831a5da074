// One page of questions: the settings written to one file (or the installer's own), with help
// and validation, and what they bring that is worth a warning. Nothing is written here: every
// change is shown in the summary first.
import {Box, Text} from 'ink';
import React from 'react';
import {choicesFor} from '../../model/field-input.js';
import {findSetting, type SettingId} from '../../model/settings.js';
import {activeMode, fieldText, type WizardState} from '../../model/wizard-state.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useFollowedRows} from '../hooks/use-followed-rows.js';
import {FieldsForm} from './FieldsForm.js';
import {PageWarnings} from './PageWarnings.js';
import type {ScreenProps} from './screen-props.js';

export function QuestionsScreen({state, page, pages, width, height}: ScreenProps) {
	const mode = activeMode(state);
	const questions = pages.filter(p => p.kind === 'questions');
	const number = questions.findIndex(p => p.id === page.id) + 1;
	const file = page.title.startsWith('/');
	// master.ip and the like: their page is there while they are empty, but their file is not written.
	const emptyWritesNothing = page.fields.some(id => findSetting(id).emptyWritesNothing);
	const next = state.guided ? (number < questions.length ? 'the next page' : 'the summary of every change') : 'the list of settings';
	// A page taller than its rows (a small terminal) scrolls to keep the focused field in view, at
	// least its label through its highlighted choice (review 3, #10).
	const follow = useFollowedRows(height, mode.kind === 'fields' ? choiceRows(page.fields[mode.focus], state) : 1);
	const shown = follow.window;
	return (
		<Box flexDirection="column">
			{shown ? <MoreRow at="above" count={shown.above} word="row" /> : null}
			<Box flexDirection="column" overflow="hidden" {...(shown ? {height: shown.visible} : {})}>
				<Box ref={follow.page} flexDirection="column" flexShrink={0} marginTop={shown ? -shown.start : 0}>
					<Text bold>
						Settings page {number} of {questions.length}: {page.title}
					</Text>
					<WrappedText text={file ? `Written to ${page.title}${emptyWritesNothing ? ', unless it is left empty: then no file is written' : ''}.` : 'Kept in the saved answers: where the packages come from (the key, repository and install steps) and what this machine runs.'} width={width} dimColor />
					<Box marginTop={1}>
						<FieldsForm fields={page.fields} state={state} width={width} focused={follow.part} problems={follow.after} />
					</Box>
					{mode.kind === 'fields' ? <PageWarnings state={state} page={page} width={width} /> : null}
					<WrappedText text={`Tab and Shift+Tab move between fields; Enter on the last one goes on to ${next}. Nothing is written before the summary.`} width={width} dimColor />
				</Box>
			</Box>
			{shown ? <MoreRow at="below" count={shown.below} word="row" /> : null}
		</Box>
	);
}

// The rows from a field's label to its highlighted choice (the choices are listed from the label's row).
function choiceRows(id: SettingId | undefined, state: WizardState): number {
	const setting = id ? findSetting(id) : undefined;
	if (!id || !setting?.choices) return 1;
	const value = fieldText(state, id);
	return Math.max(0, choicesFor(setting, value).indexOf(value)) + 1;
}
