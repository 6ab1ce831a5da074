// Every node's changes before anything runs: per node its role, services, files (new, changed,
// unchanged; ↑↓ choose one, v opens its diff) and commands. Enter starts the deploy, Esc goes back
// to the settings. Render only: the changes come from the review use case (use-cases/cluster-review.ts).
import {Box, Text} from 'ink';
import React from 'react';
import {changeCounts, type NodeChanges} from '../../model/cluster-changes.js';
import {FilePreview} from '../components/file-preview/FilePreview.js';
import {wholeFileKey} from '../components/file-preview/preview-rows.js';
import {KeyHelp} from '../components/key-help/KeyHelp.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {fileItems, summaryReducer} from './cluster-summary-state.js';

type Props = {nodes: readonly NodeChanges[]; target: string; onDeploy: () => void; onBack: () => void};

const changeColor = {new: 'green', changed: 'yellow', unchanged: undefined} as const;

export function ClusterSummaryScreen({nodes, target, onDeploy, onBack}: Props) {
	const [state, screen] = useSyncReducer(summaryReducer, {selected: 0});
	const {rows, columns} = useTerminalSize();
	const items = fileItems(nodes);
	useKeys(press => {
		const now = screen.get();
		if (now.diff) {
			if (isKey(press, 'escape') || isChar(press, 'v')) screen.dispatch({type: 'close'});
			else if (isKey(press, 'up')) screen.dispatch({type: 'scroll', delta: -1});
			else if (isKey(press, 'down')) screen.dispatch({type: 'scroll', delta: 1});
			else if (isChar(press, wholeFileKey)) screen.dispatch({type: 'whole'});
			return;
		}
		if (isKey(press, 'return')) onDeploy();
		else if (isKey(press, 'escape')) onBack();
		else if (isKey(press, 'up')) screen.dispatch({type: 'move', delta: -1, count: items.length});
		else if (isKey(press, 'down')) screen.dispatch({type: 'move', delta: 1, count: items.length});
		else if (isChar(press, 'v') || isKey(press, 'right')) screen.dispatch({type: 'open'});
	});
	const chosen = items[state.selected];
	const chosenFile = chosen ? nodes[chosen.node]?.files[chosen.file] : undefined;
	if (state.diff && chosen && chosenFile) {
		const node = nodes[chosen.node]?.node.name ?? '';
		return (
			<Box flexDirection="column">
				<Text bold>{`${node}: ${chosenFile.path} (${chosenFile.change})`}</Text>
				<FilePreview files={[{path: chosenFile.path, before: chosenFile.before, after: chosenFile.after, notes: chosenFile.notes}]} height={Math.max(rows - 4, 5)} width={columns} offset={state.diff.offset} view={state.diff.view} />
				<KeyHelp keys={[{key: '↑↓', does: 'scroll'}, {key: wholeFileKey, does: state.diff.view === 'whole' ? 'changes only' : 'whole file'}, {key: 'Esc', does: 'back to the summary'}]} />
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Text bold>{`Before anything runs: every node's changes (${nodes.length} nodes)`}</Text>
			<Text dimColor>{target}</Text>
			{nodes.map((each, nodeIndex) => {
				const open = chosen?.node === nodeIndex;
				// The commands of the open node take the rows the rest leaves.
				const room = Math.max(rows - 20 - nodes.length - each.files.length, 3);
				return (
					<Box key={each.node.name} flexDirection="column" marginTop={open ? 1 : 0}>
						<Text bold={open}>{`${open ? '▾' : '▸'} ${each.node.name} · ${each.node.role} · ${each.node.address} · runs ${each.services.join(', ')} · files ${changeCounts(each.files)} · ${each.commands.length} commands`}</Text>
						{open
							? each.files.map((file, fileIndex) => (
									<Text key={file.path} inverse={chosen?.file === fileIndex} wrap="truncate-end">
										{`    ${file.path.padEnd(44)} `}
										<Text color={changeColor[file.change]}>{file.change}</Text>
									</Text>
								))
							: null}
						{open ? (
							<Box flexDirection="column" marginBottom={1}>
								<Text dimColor>{'    commands:'}</Text>
								{each.commands.slice(0, room).map((command, index) => (
									<Text key={index} dimColor wrap="truncate-end">{`      ${command}`}</Text>
								))}
								{each.commands.length > room ? <Text dimColor>{`      … and ${each.commands.length - room} more (cluster plan FILE lists them all)`}</Text> : null}
							</Box>
						) : null}
					</Box>
				);
			})}
			<Box marginTop={1}>
				<KeyHelp keys={[{key: '↑↓', does: 'choose a file'}, {key: 'v', does: 'its diff'}, {key: 'Enter', does: 'deploy'}, {key: 'Esc', does: 'back to the settings'}]} />
			</Box>
		</Box>
	);
}
