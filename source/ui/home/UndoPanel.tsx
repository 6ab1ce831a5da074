// Undo as the home menu shows it: which files the last run changed, the question, the result.
import {Box, Text} from 'ink';
import type {HomeState} from './home-state.js';

export function UndoPanel({state}: {state: Exclude<HomeState, {kind: 'menu'}>}) {
	switch (state.kind) {
		case 'undo-looking':
			return <Text>Looking for the last run…</Text>;
		case 'undo-nothing':
			return (
				<Box flexDirection="column">
					<Text>Nothing to undo: no earlier run changed files here.</Text>
					<Text dimColor>Enter back to the menu</Text>
				</Box>
			);
		case 'undo-confirm':
			return (
				<Box flexDirection="column">
					<Text>
						The last run ({state.runId}, started {state.startedAt}) changed {state.files.length} file{state.files.length === 1 ? '' : 's'}:
					</Text>
					{state.files.map(file => (
						<Text key={file}>  {file}</Text>
					))}
					<Text color="yellow">Put back what they held before? Files edited by hand since are kept as a backup. (y/n)</Text>
				</Box>
			);
		case 'undoing':
			return <Text>Putting the files back…</Text>;
		case 'undo-done':
			return (
				<Box flexDirection="column">
					<Text color="green">Undid run {state.runId}:</Text>
					{state.lines.map(line => (
						<Text key={line.path}>
							{'  '}
							{line.outcome.padEnd(9)} {line.path}
						</Text>
					))}
					<Text>Services were not restarted: restart them (Status, then r) to use the old settings.</Text>
					<Text dimColor>Enter back to the menu</Text>
				</Box>
			);
		case 'undo-failed':
			return (
				<Box flexDirection="column">
					<Text color="red">Undo did not happen: {state.message}</Text>
					<Text dimColor>Enter back to the menu</Text>
				</Box>
			);
	}
}
