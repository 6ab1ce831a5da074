// Preflight: every check the plan lists, with its verdict as it comes. Warnings do not stop the
// setup, but they are said before anything changes.
import {Box, Text} from 'ink';
import React from 'react';
import {realRunOnly} from '../../model/plan.js';
import {recheckReason} from '../../model/preflight-recheck.js';
import {activeMode} from '../../model/wizard-state.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {ActionList} from './ActionList.js';
import {FailurePanel} from './FailurePanel.js';
import type {ScreenProps} from './screen-props.js';

export function ChecksScreen({state, page, view, summary, height, width, scrollLimit}: ScreenProps) {
	const count = (status: string) => view.actions.filter(a => a.state === status).length;
	const warned = count('warned');
	// A rehearsal leaves the checks only a real run needs (root, apt): their lines say so, and the
	// count leaves them out (the ones a person skipped after a failure are counted).
	const leftToRealRun = view.actions.filter(a => a.state === 'skipped' && a.action.kind === 'check' && realRunOnly(a.action.check)).length;
	const skipped = count('skipped') - leftToRealRun;
	const verdict = `${count('passed')} passed, ${warned} warning${warned === 1 ? '' : 's'}${skipped > 0 ? `, ${skipped} skipped` : ''}${warned > 0 ? ' (they do not stop the setup)' : ''}${leftToRealRun > 0 ? `, ${leftToRealRun} for a real run only` : ''}.`;
	const mode = activeMode(state);
	const failed = mode.kind === 'failed' ? view.actions[mode.index] : undefined;
	// The list gets what the summary and the prompt leave (one row is the gap above it).
	const space = useRowsLeft(height);
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<WrappedText text={page.step?.summary ?? ''} width={width} bold />
				{state.recheck ? <WrappedText text={recheckReason(state.recheck)} width={width} color="yellow" /> : null}
			</Box>
			<Box marginTop={1} flexDirection="column">
				<ActionList view={view} width={width} rows={space.rows - 1} {...(mode.kind === 'finished' || mode.kind === 'failed' ? {offset: mode.scroll ?? 0} : {follow: Math.max(0, view.actions.findIndex(a => a.state === 'running' || a.state === 'waiting'))})} limit={scrollLimit} />
			</Box>
			<Box ref={space.below} flexDirection="column">
				{/* The rows the verdict and the prompt will take are kept while the checks run, so the
				    list has the same rows from the first check to the last and keeps its form. */}
				{mode.kind === 'running' ? (
					<Box marginTop={1} flexDirection="column">
						<Text dimColor>Checking…</Text>
						<Text> </Text>
					</Box>
				) : null}
				{mode.kind === 'finished' ? (
					<Box marginTop={1} flexDirection="column">
						<WrappedText text={verdict} width={width} color={warned > 0 ? 'yellow' : 'green'} />
						<Text>{state.recheck ? 'Press Enter for the summary; nothing changes before you start the run there.' : 'Press Enter to go on to the settings; nothing changes before their summary.'}</Text>
					</Box>
				) : null}
				{mode.kind === 'failed' ? (
					<FailurePanel title={failed?.action.title ?? 'A check'} failure={mode} detail={failed?.detail} detailLines={6} canChangeSettings={false} resumable={Boolean(summary?.recorded)} />
				) : null}
			</Box>
		</Box>
	);
}
