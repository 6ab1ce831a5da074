// `mesos-setup edit`: every setting with its value on disk now → the field editor with the
// catalogue's help and validation → the diff of each file → a safe write (backups, journal) →
// "restart mesos-slave now?" → the restart in a ServicePane with its probe → back to the list.
import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {type Answers, checkAnswer} from '../../model/answers.js';
import {shownValue} from '../../model/current-values.js';
import {modeNote} from '../../model/action-preview.js';
import {followersQuestion} from '../../model/setting-change.js';
import {sourceOf} from '../../model/repository-settings.js';
import {rootFlag} from '../../model/script.js';
import {findSetting} from '../../model/settings.js';
import {sourceEditCommand} from '../../model/source-problems.js';
import {FieldEditor} from '../components/field-editor/FieldEditor.js';
import {KeyHelp, type KeyHint} from '../components/key-help/KeyHelp.js';
import type {ScrollLimit} from '../components/scroll/scroll-window.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {ServiceRunPanes} from '../components/run/ServiceRunPanes.js';
import {useServiceRun} from '../hooks/use-service-run.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useSystem} from '../hooks/use-system.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import {ChangePreview} from './ChangePreview.js';
import {editReducer, type EditState, highlighted, initialEdit, listedRows} from './edit-state.js';
import {settingRows} from './setting-rows.js';
import {RestartQuestion} from './RestartQuestion.js';
import {SettingList} from './SettingList.js';
import {useEditActions} from './use-edit-actions.js';
import {useEditKeys} from './use-edit-keys.js';

export type EditScreenProps = {
	// The answers the run started from (saved, --answers, --set); the files on disk win over them.
	answers?: Answers;
	// `mesos-setup edit ID [VALUE]`: open this setting's editor at once, with VALUE typed in.
	editId?: string;
	editValue?: string;
	// Esc or q on the list: back to where the screen was opened from.
	onBack: () => void;
	// Told the answers a write saved, so screens opened later start from them.
	onAnswersSaved?: (answers: Answers) => void;
};

const keysFor: Record<EditState['mode']['kind'], KeyHint[]> = {
	loading: [],
	'load-failed': [{key: 'Esc', does: 'back'}],
	list: [
		{key: '↑↓', does: 'choose'},
		{key: 'Enter', does: 'edit'},
		{key: 'type', does: 'filter'},
		{key: 'Esc', does: 'back'},
	],
	editing: [
		{key: 'Enter', does: 'preview the change'},
		{key: 'Esc', does: 'back to the list'},
	],
	followers: [
		{key: 'y', does: 'change them too'},
		{key: 'n', does: 'only this one'},
		{key: 'Esc', does: 'back'},
	],
	preview: [
		{key: 'Enter', does: 'write'},
		{key: '↑↓', does: 'scroll'},
		{key: 'f', does: 'whole file / changes'},
		{key: 'Esc', does: 'change the value'},
	],
	writing: [],
	'ask-restart': [
		{key: 'y', does: 'restart now'},
		{key: 'n', does: 'later'},
	],
	restarting: [],
	done: [{key: 'Enter', does: 'back to the list'}],
};

// Enter is named only where it does what it says: on a value that is not allowed it previews nothing.
const keysOf = (mode: EditState['mode']): KeyHint[] =>
	mode.kind === 'editing' && !checkAnswer(mode.id, mode.text).ok ? keysFor.editing.filter(hint => hint.key !== 'Enter') : keysFor[mode.kind];

export function EditScreen({answers, editId, editValue, onBack, onAnswersSaved}: EditScreenProps) {
	const system = useSystem();
	const useCases = useUseCases();
	const [saved] = useState(() => answers ?? useCases.savedAnswers());
	const [initial] = useState(() => initialEdit(system.facts, editId ? {id: editId, ...(editValue === undefined ? {} : {value: editValue})} : undefined));
	const [state, screen] = useSyncReducer(editReducer, initial);
	const restarts = useServiceRun();
	const actions = useEditActions(saved, screen.dispatch, restarts, onAnswersSaved);
	const {rows, columns} = useTerminalSize();
	// Nothing scrolls until the preview's diffs, rendered below, say how far they go.
	const scrollLimit = useRef(0);
	scrollLimit.current = 0;
	useEditKeys(screen, {write: change => void actions.write(change), restart: () => void actions.restart(), leave: onBack}, scrollLimit);
	const {mode} = state;
	useEffect(() => {
		if (mode.kind === 'loading') void actions.load();
	}, [mode.kind, actions]);

	// On the real machine without root, say so before a write fails on it.
	const note =
		modeNote(system) ??
		(system.facts.isRoot ? undefined : 'Not running as root: the files in /etc cannot be written. Run it with sudo, or rehearse with --root ./mesos-rehearsal.');
	// Title, note and notice (as many rows as they wrap to), the gap and key help, one spare row: the rest is the body's.
	const body = rows - 4 - (note ? wrapRows(note, columns).length : 0) - (state.notice ? wrapRows(state.notice, columns).length : 0);
	return (
		<Box flexDirection="column">
			<Text bold>mesos-setup edit</Text>
			{note ? <WrappedText text={note} width={columns} color="yellow" /> : null}
			{state.notice ? <Text color="red">{state.notice}</Text> : null}
			<Box marginTop={1} flexDirection="column">
				<EditBody state={state} height={body} width={columns} restarts={restarts} scrollLimit={scrollLimit} />
			</Box>
			<KeyHelp keys={keysOf(mode)} />
		</Box>
	);
}

type BodyProps = {
	state: EditState;
	height: number;
	width: number;
	restarts: ReturnType<typeof useServiceRun>;
	// How far the previewed diffs scroll, for the keys.
	scrollLimit: ScrollLimit;
};

function EditBody({state, height, width, restarts, scrollLimit}: BodyProps) {
	const system = useSystem();
	const {mode, current} = state;
	switch (mode.kind) {
		case 'loading':
			return <Text>Reading the settings from disk…</Text>;
		case 'load-failed':
			return <Text color="red">The files that hold the settings could not be read: {mode.message}</Text>;
		case 'list':
			return current ? <SettingList rows={listedRows(state)} total={settingRows(current).length} filter={state.filter} highlight={highlighted(state)} height={height} /> : null;
		case 'editing': {
			const setting = findSetting(mode.id);
			const now = current?.settings.find(s => s.id === mode.id);
			if (!setting) return null;
			// Another source refused for the settings it needs (review 3, #11): the command that gives them.
			const command = mode.id === 'repo.source' && mode.problems.length > 0 && current ? sourceEditCommand(current.values, sourceOf({'repo.source': mode.text})) : undefined;
			return (
				<Box flexDirection="column">
					<Text dimColor>
						{mode.id} · {now?.path ?? 'kept in the saved answers'} · now {now ? shownValue(now) : setting.default}
						{now?.editedByHand ? ' (edited by hand)' : ''}
					</Text>
					<FieldEditor setting={setting} value={mode.text} cursor={mode.cursor} focus />
					{mode.problems.map(problem => (
						<Text key={problem} color="red">
							✖ {problem}
						</Text>
					))}
					{command ? <WrappedText text={`This screen changes one setting at a time, and lists only the settings of the source this machine uses now, so it cannot ask for those; run instead: ${command}${rootFlag(system)}`} width={width} color="yellow" /> : null}
					{mode.note ? <Text color="yellow">{mode.note}</Text> : null}
				</Box>
			);
		}
		case 'followers': {
			const lines = followersQuestion(mode.id, mode.value, mode.followers);
			return (
				<Box flexDirection="column">
					{lines.map((line, at) => (
						<Text key={line} color={at === lines.length - 1 ? 'yellow' : undefined}>
							{line}
						</Text>
					))}
				</Box>
			);
		}
		case 'preview':
			return <ChangePreview change={mode.change} offset={mode.offset} limit={scrollLimit} whole={mode.whole} height={height} width={width} />;
		case 'writing':
			return <Text>Writing the files (the old ones are kept as backups)…</Text>;
		case 'ask-restart':
			return <RestartQuestion change={mode.change} wrote={mode.wrote} />;
		case 'restarting':
			return <ServiceRunPanes view={restarts.view} output={restarts.output} height={height} width={width} />;
		case 'done': {
			// What was written and how the restart went explain themselves: they wrap, and the
			// service panes take the rows left.
			const said = [...mode.wrote, ...mode.result].reduce((sum, line) => sum + wrapRows(line, width).length, 0);
			return (
				<Box flexDirection="column">
					{mode.wrote.map(line => (
						<WrappedText key={line} text={line} width={width} />
					))}
					{mode.restarted ? <ServiceRunPanes view={restarts.view} output={restarts.output} height={Math.max(4, height - said)} width={width} /> : null}
					{mode.result.map(line => (
						<WrappedText key={line} text={line} width={width} {...(mode.failed && line.startsWith('Failed') ? {color: 'red'} : {})} />
					))}
				</Box>
			);
		}
	}
}
