// Before anything changes: every command the run will carry out and every file it will write,
// new, changed or unchanged against the disk now (the same list `plan` prints), with each file's
// diff one key away. Enter starts the whole run.
import {Box, Text} from 'ink';
import React, {useMemo} from 'react';
import {modeNote} from '../../model/action-preview.js';
import {changeSummary, countsLine, summaryCounts} from '../../model/change-summary.js';
import {runSteps, summaryFiles} from '../../model/wizard-moves.js';
import {resolveValues} from '../../model/answers.js';
import {layoutShort} from '../../model/layout-prediction.js';
import {roleOf} from '../../model/roles.js';
import {activeMode, layoutPending} from '../../model/wizard-state.js';
import {FilePreview} from '../components/file-preview/FilePreview.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useDiskFiles} from '../hooks/use-disk-files.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {useSystem} from '../hooks/use-system.js';
import type {ScreenProps} from './screen-props.js';
import {summaryRows, summaryWindow} from './summary-rows.js';

const tones = {heading: undefined, command: 'cyan', check: undefined, new: 'green', changed: 'yellow', removed: 'red', unchanged: undefined} as const;

export function SummaryScreen({state, pages, height, width, scrollLimit}: ScreenProps) {
	const system = useSystem();
	const mode = activeMode(state);
	const {continueRun, resumeFrom} = state;
	const files = useMemo(() => summaryFiles({continueRun, resumeFrom}, pages), [continueRun, resumeFrom, pages]);
	const disk = useDiskFiles(files, pages);
	const steps = useMemo(() => (disk.files ? changeSummary(runSteps({continueRun, resumeFrom}, pages), disk.files) : undefined), [disk.files, continueRun, resumeFrom, pages]);
	const rows = useMemo(() => (steps ? summaryRows(steps, files, width) : []), [steps, files, width]);
	const space = useRowsLeft(height);
	const summary = mode.kind === 'summary' ? mode : undefined;
	const chosen = summary?.cursor ?? 0;
	const note = modeNote(system);
	const pending = layoutPending(state);
	if (disk.error) return <Text color="red">Cannot read the files on disk to compare: {disk.error}</Text>;
	if (!steps) return <Text dimColor>Reading the files on disk…</Text>;
	const change = steps.flatMap(step => step.items).find(item => item.file?.path === files[chosen])?.file;
	const shown = summaryWindow(rows, chosen, Math.max(1, space.rows));
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
				<Text bold>Before anything changes: what the run will do, in order.</Text>
				{note ? <WrappedText text={note} width={width} color="yellow" /> : null}
				{/* Where the files go, and how that is known: predicted from the source, installed, or assumed. */}
				<WrappedText text={pending ? 'Reading the package source, to tell where its packages read their configuration…' : layoutShort(state.facts, roleOf(resolveValues(state.answers)['node.role']))} width={width} dimColor />
			</Box>
			{summary?.open && change ? (
				<FilePreview files={[change]} height={Math.max(1, space.rows)} width={width} offset={summary.scroll} limit={scrollLimit} view={state.wholeFiles ? 'whole' : 'changes'} />
			) : (
				<Box flexDirection="column">
					<MoreRow at="above" count={shown.above} word="row" />
					{rows.slice(shown.start, shown.start + shown.visible).map((row, index) => {
						const here = row.file !== undefined && row.file === chosen;
						return (
							<Text key={shown.start + index} bold={row.tone === 'heading' || here} color={here ? 'blue' : tones[row.tone]} dimColor={row.tone === 'unchanged' && !here} wrap="truncate-end">
								{here ? `❯${row.text.slice(1)}` : row.text}
							</Text>
						);
					})}
					<MoreRow at="below" count={shown.below} word="row" />
				</Box>
			)}
			<Box ref={space.below} flexDirection="column">
				<Text>{countsLine(summaryCounts(steps))}</Text>
				<Text>
					{pending ? 'Enter starts the run once the source is read' : 'Press Enter to start the run'}
					{system.dryRun ? ' (a dry run: nothing changes)' : ''}. {summary?.open ? 'd closes the diff.' : `d shows the diff of ${files[chosen] ?? 'the file marked ❯'}.`}
				</Text>
			</Box>
		</Box>
	);
}
