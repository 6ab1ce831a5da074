// Undo, asked first: which files of the last run are put back and which it created are removed,
// what undo does not undo (packages, running services, a key an earlier run trusted), y/n; then
// what was done, and an offer to restart the services that read the files put back (shown in
// service panes). `mesos-setup undo` in a terminal and the home menu's Undo both show it.
import {localTime} from '../../model/local-time.js';
import {Box, Text} from 'ink';
import React, {useEffect, useRef} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage, errorWithDetail} from '../../model/errors.js';
import {KeyHelp, type KeyHint} from '../components/key-help/KeyHelp.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {type ScrollLimit, scrollWindow} from '../components/scroll/scroll-window.js';
import {useAbortOnLeave} from '../hooks/use-abort-on-leave.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useServiceRun} from '../hooks/use-service-run.js';
import {useSystem} from '../hooks/use-system.js';
import {useUseCases} from '../hooks/use-use-cases.js';
import {initialUndo, undoReducer, type UndoState} from './undo-state.js';
import {UndoResult} from './UndoResult.js';
import {useUndoKeys} from './use-undo-keys.js';
import {nothingToUndo} from '../../model/undo-preview.js';

type Props = {
	// Leaving: 0 after an undo or nothing to undo, and 0 too when the person said no.
	onDone: (code: number) => void;
	// Told the saved answers an undo put back, so screens opened later start from them.
	onAnswers?: (answers: Answers) => void;
};

const keysFor = (state: UndoState): KeyHint[] => {
	switch (state.kind) {
		case 'confirm':
			return [{key: 'y', does: 'undo'}, {key: 'n', does: 'leave it'}, {key: '↑↓', does: 'scroll'}];
		case 'ask-restart':
			return [{key: 'y', does: 'restart now'}, {key: 'n', does: 'later'}, {key: '↑↓', does: 'scroll'}];
		case 'done':
			return [{key: 'Enter', does: 'back'}, {key: '↑↓', does: 'scroll'}];
		case 'nothing':
		case 'failed':
			return [{key: 'Enter', does: 'back'}];
		default:
			return [];
	}
};

export function UndoScreen({onDone, onAnswers}: Props) {
	const system = useSystem();
	const useCases = useUseCases();
	const [state, screen] = useSyncReducer(undoReducer, initialUndo);
	const restarts = useServiceRun();
	const signal = useAbortOnLeave();
	const {rows, columns} = useTerminalSize();
	useEffect(() => {
		useCases.previewUndo().then(
			preview => screen.dispatch({type: 'found', preview}),
			(error: unknown) => screen.dispatch({type: 'failed', message: errorWithDetail(error)}),
		);
	}, [useCases, screen]);
	// How far the list of files scrolls, as it last said.
	const scrollLimit = useRef(0);
	scrollLimit.current = 0; // until the list, rendered below, says
	useUndoKeys(screen, scrollLimit, {
		undo() {
			useCases.undoLastRun({signal, onEvent: event => event.type === 'undone' && screen.dispatch({type: 'line', line: event.line})}).then(
				done => {
					if (!done) {
						screen.dispatch({type: 'failed', message: 'there is nothing to undo any more'});
						return;
					}
					onAnswers?.(done.answers);
					screen.dispatch({type: 'undone', done, canRestart: !system.sandbox && !system.dryRun});
				},
				(error: unknown) => screen.dispatch({type: 'failed', message: errorWithDetail(error)}),
			);
		},
		restart() {
			const current = screen.get();
			if (current.kind !== 'restarting') return;
			const {done} = current;
			restarts
				.track(listener => useCases.restartServices(done.services, {answers: done.answers, signal, ...listener}))
				.then(
					result => {
						const lines = result.ok
							? [`Restarted: ${done.services.join(', ')}.`]
							: [`Failed: ${result.failed?.outcome.message ?? 'the restart failed'}`, ...(result.failed?.outcome.detail ?? [])];
						screen.dispatch({type: 'restarted', ok: result.ok, lines});
					},
					(error: unknown) => screen.dispatch({type: 'restarted', ok: false, lines: [`Failed: ${errorMessage(error)}`]}),
				);
		},
		leave: () => onDone(0),
	});
	const width = columns - 1;
	return (
		<Box flexDirection="column">
			<Text bold>mesos-setup undo</Text>
			<Box marginTop={1} flexDirection="column">
				<UndoBody state={state} rows={rows - 4} width={width} sandbox={system.sandbox} hostPath={path => system.fs.hostPath(path)} restarts={restarts} limit={scrollLimit} />
			</Box>
			<KeyHelp keys={keysFor(state)} />
		</Box>
	);
}

type BodyProps = {state: UndoState; rows: number; width: number; sandbox: boolean; hostPath: (path: string) => string; restarts: ReturnType<typeof useServiceRun>; limit: ScrollLimit};

function UndoBody({state, rows, width, sandbox, hostPath, restarts, limit}: BodyProps) {
	switch (state.kind) {
		case 'looking':
			return <Text>Looking for the last run…</Text>;
		case 'nothing':
			return <Text>{nothingToUndo(' here')}</Text>;
		case 'failed':
			// The undo's own refusal already begins "undo did not start": said once.
			return <WrappedText text={`Undo did not happen: ${state.message.replace(/^undo did not start: /, '')}`} width={width} color="red" />;
		case 'confirm': {
			const {preview} = state;
			const restored = preview.files.filter(file => file.action === 'restore').length;
			const removed = preview.files.length - restored;
			const head = `The last run, started ${localTime(preview.startedAt)}, changed ${preview.files.length} file${preview.files.length === 1 ? '' : 's'}. Undo ${[...(restored > 0 ? [`puts back ${restored}`] : []), ...(removed > 0 ? [`removes ${removed} it created`] : [])].join(' and ')}:`;
			const question = 'Undo it? A file edited by hand since that run (or written by a killed run before it was recorded) is kept as a backup first. (y/n)';
			const said = [head, ...preview.keeps, question].reduce((sum, line) => sum + wrapRows(line, width).length, 0) + 2;
			// The files' rows, the "more" rows above and below them included.
			const list = scrollWindow(preview.files.length, Math.max(3, rows - said - 1), state.scroll);
			limit.current = list.max;
			const shown = preview.files.slice(list.start, list.start + list.visible);
			return (
				<Box flexDirection="column">
					<WrappedText text={head} width={width} />
					<MoreRow at="above" count={list.above} word="file" scrolls indent="  " />
					{shown.map(file => (
						<Text key={file.path} wrap="truncate-end">
							{'  '}
							{file.action === 'restore' ? 'restore' : 'remove '} {file.path}
						</Text>
					))}
					<MoreRow at="below" count={list.below} word="file" scrolls indent="  " />
					<Box marginTop={1} flexDirection="column">
						<Text bold>Undo does not undo:</Text>
						{preview.keeps.map(line => (
							<WrappedText key={line} text={`· ${line}`} width={width} indent="  " />
						))}
					</Box>
					<WrappedText text={question} width={width} color="yellow" />
				</Box>
			);
		}
		case 'undoing':
			return (
				<Box flexDirection="column">
					<Text>Putting the files back…</Text>
					{state.lines.slice(-Math.max(1, rows - 2)).map(line => (
						<Text key={line.path}>
							{'  '}
							{line.outcome.padEnd(9)} {line.path}
						</Text>
					))}
				</Box>
			);
		case 'ask-restart':
		case 'restarting':
		case 'done':
			return <UndoResult state={state} rows={rows} width={width} sandbox={sandbox} hostPath={hostPath} restarts={restarts} limit={limit} />;
	}
}
