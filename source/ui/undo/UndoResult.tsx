// What the undo did: the files it put back and removed (a list that scrolls with ↑↓ when it is
// taller than the screen), where the copies of files edited since are kept, the offer to restart
// the services that read them, and that restart's panes and outcome.
import {Box, Text} from 'ink';
import React from 'react';
import {undoCounts} from '../../model/local-time.js';
import {copiesKeptIn, filesUndone, restartBrings} from '../../model/undo-words.js';
import {ServiceRunPanes} from '../components/run/ServiceRunPanes.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {type ScrollLimit, scrollWindow} from '../components/scroll/scroll-window.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import type {useServiceRun} from '../hooks/use-service-run.js';
import type {UndoState} from './undo-state.js';

type Props = {
	state: Extract<UndoState, {kind: 'ask-restart' | 'restarting' | 'done'}>;
	rows: number;
	width: number;
	sandbox: boolean;
	// Where a path in the root is on this machine (the copies' folder).
	hostPath: (path: string) => string;
	restarts: ReturnType<typeof useServiceRun>;
	limit: ScrollLimit;
};

export function UndoResult({state, rows, width, sandbox, hostPath, restarts, limit}: Props) {
	const {done} = state;
	const one = done.services.length === 1;
	const head = `Undid the run: ${undoCounts(done.lines)}:`;
	const saved = done.setupRun && !done.setUp ? 'The saved answers are those from before that run, and no setup counts as done here any more.' : 'The saved answers are those from before that run.';
	const kept = done.keptIn ? copiesKeptIn(hostPath(done.keptIn)) : undefined;
	const question = state.kind === 'ask-restart' ? `${done.services.join(', ')} read${one ? 's' : ''} ${filesUndone(done.lines)} and keep${one ? 's' : ''} the old values until restarted. Restart ${one ? 'it' : 'them'} now? (y/n)` : undefined;
	const real = state.kind === 'done' && done.services.length > 0 && sandbox ? `In a real setup ${done.services.join(', ')} would be restarted ${restartBrings(done.lines)}.` : undefined;
	const after = state.kind === 'done' ? state.restart : [];
	const panes = state.kind === 'restarting' || (state.kind === 'done' && state.restart.length > 0 && restarts.view.actions.length > 0);
	const said = [head, saved, kept, question, real, ...after].reduce((sum, line) => sum + (line ? wrapRows(line, width).length : 0), 0);
	// The list takes the rows the sentences leave; beside the restart's panes, a third of them.
	const height = panes ? Math.max(3, Math.floor(rows / 3)) : Math.max(3, rows - said);
	const list = scrollWindow(done.lines.length, height, state.scroll);
	limit.current = list.max;
	const shown = done.lines.slice(list.start, list.start + list.visible);
	return (
		<Box flexDirection="column">
			<Text color="green">{head}</Text>
			<MoreRow at="above" count={list.above} word="file" scrolls indent="  " />
			{shown.map(line => (
				<Text key={line.path} wrap="truncate-end">
					{'  '}
					{line.outcome.padEnd(9)} {line.path}
				</Text>
			))}
			<MoreRow at="below" count={list.below} word="file" scrolls indent="  " />
			<WrappedText text={saved} width={width} />
			{kept ? <WrappedText text={kept} width={width} /> : null}
			{question ? <WrappedText text={question} width={width} color="yellow" /> : null}
			{panes ? <ServiceRunPanes view={restarts.view} output={restarts.output} height={Math.max(4, rows - list.visible - said - 4)} width={width} /> : null}
			{real ? <WrappedText text={real} width={width} /> : null}
			{after.map(line => (
				<WrappedText key={line} text={line} width={width} {...(state.kind === 'done' && state.restartFailed && line.startsWith('Failed') ? {color: 'red'} : {})} />
			))}
		</Box>
	);
}
