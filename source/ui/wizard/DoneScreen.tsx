// The end: where the web interfaces are, what changed, where the backups and the log are, and
// how to see status or change a setting later.
import {Box, Text} from 'ink';
import React from 'react';
import {plural} from '../../model/change-summary.js';
import {resolveValues} from '../../model/answers.js';
import {pagesOnTheMasters, pagesServed} from '../../model/endpoints.js';
import {roleOf, runsMaster} from '../../model/roles.js';
import {useRowsLeft} from '../hooks/use-rows-left.js';
import {useSystem} from '../hooks/use-system.js';
import type {ScreenProps} from './screen-props.js';
import {whatChanged} from './what-changed.js';
import {rootFlag} from '../../model/script.js';
import {leftOutWords} from '../../model/step-refusal.js';

// "Mesos master: ", the longest label, so the addresses line up.
const pageLabelWidth = 14;

const later: [string, string][] = [
	['status', 'live status of every service'],
	['edit', 'change one setting; only what it affects restarts'],
	['undo', 'put back the files this run changed'],
];

export function DoneScreen({state, pages, summary, height, width}: ScreenProps) {
	const system = useSystem();
	const values = resolveValues(state.answers);
	const served = pagesServed(values);
	const skipped = pages.filter(page => state.marks[page.id] === 'skipped');
	const root = rootFlag(system);
	// The commands in one column, so what each does starts in one column too.
	const commands = system.dryRun ? later.filter(([command]) => command !== 'undo') : later;
	const commandWidth = Math.max(...commands.map(([command]) => `mesos-setup ${command}${root}`.length));
	const changed = summary?.changedFiles ?? [];
	const changes = whatChanged(summary, system.sandbox);
	// The list of files gets the rows the rest leaves (measured: paths and sentences wrap), and the
	// prompt stays in view; what does not fit is in the log.
	const space = useRowsLeft(height);
	const room = Math.max(0, space.rows - 1);
	const listed = changed.length > room ? changed.slice(0, Math.max(0, room - 1)) : changed;
	// Where the terminal is too narrow for a command and what it does side by side, the commands alone.
	const besides = width - commandWidth - 4 >= 30;
	return (
		<Box flexDirection="column">
			<Box ref={space.above} flexDirection="column">
			{system.dryRun ? (
				// A dry run wrote nothing: nothing is set up, and there is nothing to undo.
				<Text color="yellow" bold>
					This was a dry run: nothing on this machine was changed, and nothing is set up. Run mesos-setup without --dry-run to do it.
				</Text>
			) : skipped.length === 0 ? (
				<Text color="green" bold>
					✔ The setup is complete.
				</Text>
			) : (
				<Box flexDirection="column">
					<Text color="yellow" bold>
						The setup went through, but these steps failed and were skipped: {skipped.map(page => page.title).join(', ')}.
					</Text>
					{skipped.map(page => (state.skipped[page.id]?.length ? <Text key={page.id} color="yellow">{`  ${page.title}: ${leftOutWords(state.skipped[page.id] ?? [])}`}</Text> : null))}
				</Box>
			)}
			{system.sandbox ? <Text color="yellow">This was a rehearsal in {system.root}: no service was started, so the addresses below answer only after a real setup.</Text> : null}
			<Box marginTop={1} flexDirection="column">
				{/* Only what this machine serves: an agent is pointed at no master or Marathon it does not run. */}
				{served.map(page => (
					<Text key={page.name}>
						{`${page.name}:`.padEnd(pageLabelWidth)}
						<Text color="cyan">{page.url}</Text>
					</Text>
				))}
				{runsMaster(roleOf(values['node.role'])) ? null : <Text dimColor>{pagesOnTheMasters}</Text>}
			</Box>
			<Box marginTop={1} flexDirection="column">
				{summary?.backupsDir ? <Text>Backups of the old files: {system.fs.hostPath(summary.backupsDir)}</Text> : null}
				{summary?.logPath ? <Text>Full log: {system.fs.hostPath(summary.logPath)}</Text> : null}
			</Box>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Later:</Text>
				{commands.map(([command, does]) => (
					// What each does wraps beside its command, not under it.
					<Box key={command}>
						<Box flexShrink={0}>
							<Text>
								{'  '}
								{`mesos-setup ${command}${root}`.padEnd(commandWidth)}
								{'  '}
							</Text>
						</Box>
						{besides ? (
							<Box flexShrink={1}>
								<Text dimColor>{does}</Text>
							</Box>
						) : null}
					</Box>
				))}
			</Box>
			<Box marginTop={1} flexDirection="column">
				<Text bold>What changed: {changes}</Text>
			</Box>
			</Box>
			<Box flexDirection="column">
				{listed.map(file => (
					<Text key={file} dimColor>
						{'  '}
						{file}
					</Text>
				))}
				{listed.length === 0 && changed.length > 0 ? <Text dimColor>  (the {plural(changed.length, 'file')} are listed in the log)</Text> : null}
				{listed.length > 0 && listed.length < changed.length ? <Text dimColor>  … and {changed.length - listed.length} more (every one is in the log)</Text> : null}
			</Box>
			<Box ref={space.below}>
				<Text>Press Enter to exit.</Text>
			</Box>
		</Box>
	);
}
