// The guided setup: the step list on the left, the current step's screen beside it, one line of
// key help below. The whole frame stays shorter than the terminal and follows its size.
import {Box, Text} from 'ink';
import React, {useRef} from 'react';
import {keepEnd} from '../../model/terminal-text.js';
import {KeyHelp} from '../components/key-help/KeyHelp.js';
import {StepList} from '../components/step-list/StepList.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';
import {useSystem} from '../hooks/use-system.js';
import {ChecksScreen} from './ChecksScreen.js';
import {CommandsScreen} from './CommandsScreen.js';
import {DoneScreen} from './DoneScreen.js';
import {QuestionsScreen} from './QuestionsScreen.js';
import {quitQuestion} from './quit-words.js';
import type {ScreenProps} from './screen-props.js';
import {ServicesScreen} from './ServicesScreen.js';
import {SettingsScreen} from './SettingsScreen.js';
import {SummaryScreen} from './SummaryScreen.js';
import {stepItems} from './step-items.js';
import {useWizard, type WizardOptions} from './use-wizard.js';
import {useWizardKeys} from './use-wizard-keys.js';
import {WelcomeScreen} from './WelcomeScreen.js';
import {wizardKeyHelp} from './wizard-key-help.js';

const sidebarWidth = 24;

function Screen(props: ScreenProps) {
	switch (props.page.kind) {
		case 'welcome':
			return <WelcomeScreen {...props} />;
		case 'checks':
			return <ChecksScreen {...props} />;
		case 'commands':
			return <CommandsScreen {...props} />;
		case 'settings':
			return <SettingsScreen {...props} />;
		case 'questions':
			return <QuestionsScreen {...props} />;
		case 'summary':
			return <SummaryScreen {...props} />;
		case 'services':
			return <ServicesScreen {...props} />;
		case 'done':
			return <DoneScreen {...props} />;
	}
}

export function Wizard(options: WizardOptions) {
	const system = useSystem();
	const wizard = useWizard(options);
	const {state, store, send, page, pages, index, summary} = wizard;
	// Nothing scrolls until the screen's list or diff says how far it goes, as it renders below.
	const scrollLimit = useRef(0);
	scrollLimit.current = 0;
	useWizardKeys(store, send, scrollLimit, options.onBack);
	const {rows, columns} = useTerminalSize();
	const {mode} = state;
	// The quit question (and the stop after it) explains itself, so it wraps; the screen gives up the rows it takes.
	const question =
		mode.kind === 'quitting'
			? wrapRows(quitQuestion(state, page, summary, system.dryRun), columns - 1)
			: mode.kind === 'stopping'
				? wrapRows(`Stopping ${page.step?.title ?? page.title}: ending what it runs…`, columns - 1)
				: [];
	// Title, key help (or the question) and one spare row: Ink redraws the whole screen if the frame fills it.
	const height = Math.max(8, rows - 2 - Math.max(1, question.length));
	// A narrow terminal gives the step list's columns to the screen and names the step in the title.
	const compact = columns < 100;
	const width = Math.max(30, compact ? columns - 1 : columns - sidebarWidth - 2);
	const items = stepItems(state, pages, index);
	const current = items.findIndex(item => item.state === 'current' || item.state === 'failed');
	// What the title says before the sandbox's path, so a long path is cut from its start (keeping
	// the folder's own name) rather than at the screen's edge.
	const step = items[current];
	const titleBefore = `mesos-setup${compact && step ? ` · step ${current + 1} of ${items.length}: ${step.title}${step.detail ? ` (${step.detail})` : ''}` : ' · guided setup'}`;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold color="cyan">
					mesos-setup
				</Text>
				{compact && current >= 0 ? (
					<Text>
						{' '}
						· step {current + 1} of {items.length}: {items[current]?.title}
						{items[current]?.detail ? ` (${items[current]?.detail})` : ''}
					</Text>
				) : (
					<Text dimColor> · guided setup</Text>
				)}
				<Text dimColor>
					{system.sandbox ? ` · rehearsal in ${keepEnd(system.root, Math.max(12, columns - 1 - titleBefore.length - ' · rehearsal in '.length - (system.dryRun ? ' · dry run'.length : 0)))}` : ''}
					{system.dryRun ? ' · dry run' : ''}
				</Text>
			</Text>
			<Box height={height} overflow="hidden">
				{compact ? null : <StepList items={items} width={sidebarWidth} />}
				<Box flexDirection="column" width={width} height={height} overflow="hidden" marginLeft={compact ? 0 : 2}>
					{/* Not shrunk to fit: a screen taller than its rows is cut at the bottom, not squeezed
					    (squeezed text lines would be drawn over each other). */}
					<Box flexDirection="column" flexShrink={0}>
						<Screen {...wizard} height={height} width={width} scrollLimit={scrollLimit} />
					</Box>
				</Box>
			</Box>
			{question.length > 0 ? (
				question.map(row => (
					<Text key={row} color="yellow" wrap="truncate-end">
						{row}
					</Text>
				))
			) : (
				<KeyHelp keys={wizardKeyHelp(state, page, Boolean(options.onBack))} />
			)}
		</Box>
	);
}
