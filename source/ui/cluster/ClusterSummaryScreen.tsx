// Every node's changes before anything runs: per node its role, services, where its files go (the
// layout predicted from its source), files (new, changed,
// unchanged; ↑↓ choose one, v opens its diff) and commands. Enter starts the deploy, Esc goes back
// to the settings. Render only: the changes come from the review use case (use-cases/cluster-review.ts).
import {Box, Text} from 'ink';
import React, {useRef} from 'react';
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
// The open node's first commands; the rest are counted.
const commandRows = 3;

export function ClusterSummaryScreen({nodes, target, onDeploy, onBack}: Props) {
	const [state, screen] = useSyncReducer(summaryReducer, {selected: 0});
	const {rows, columns} = useTerminalSize();
	const items = fileItems(nodes);
	// How far the open diff scrolls, as it last said.
	const scrollLimit = useRef(0);
	useKeys(press => {
		const now = screen.get();
		if (now.diff) {
			if (isKey(press, 'escape') || isChar(press, 'v')) screen.dispatch({type: 'close'});
			else if (isKey(press, 'up')) screen.dispatch({type: 'scroll', delta: -1, max: scrollLimit.current});
			else if (isKey(press, 'down')) screen.dispatch({type: 'scroll', delta: 1, max: scrollLimit.current});
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
				<FilePreview files={[{path: chosenFile.path, before: chosenFile.before, after: chosenFile.after, notes: chosenFile.notes}]} height={Math.max(rows - 4, 5)} width={columns} offset={state.diff.offset} limit={scrollLimit} view={state.diff.view} />
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
				const header = `${open ? '▾' : '▸'} ${each.node.name} · ${each.node.role} · ${each.node.address} · runs ${each.services.join(', ')}`;
				if (!open) return <Text key={each.node.name} wrap="truncate-end">{`${header} · ${changeCounts(each)}`}</Text>;
				// The open node's files around the chosen one, in the rows the rest leaves; then its first commands.
				// (The layout line may take two rows on a narrow terminal.)
				const room = Math.max(rows - 14 - nodes.length - commandRows, 4);
				const from = Math.min(Math.max((chosen?.file ?? 0) - Math.floor(room / 2), 0), Math.max(each.files.length - room, 0));
				const shown = each.files.slice(from, from + room);
				return (
					<Box key={each.node.name} flexDirection="column" marginY={1}>
						<Text bold wrap="truncate-end">{header}</Text>
						<Text wrap="truncate-end">{`  ${changeCounts(each)}`}</Text>
						<Text dimColor>{`  ${each.layout}`}</Text>
						{from > 0 ? <Text dimColor>{`    ↑ ${from} more`}</Text> : null}
						{shown.map((file, index) => {
							const here = chosen?.file === from + index;
							return (
								<Text key={file.path} inverse={here} wrap="truncate-end">
									{`  ${here ? '›' : ' '} ${file.path.padEnd(44)} `}
									<Text color={changeColor[file.change]}>{file.change}</Text>
								</Text>
							);
						})}
						{from + shown.length < each.files.length ? <Text dimColor>{`    ↓ ${each.files.length - from - shown.length} more`}</Text> : null}
						<Text dimColor>{'  commands:'}</Text>
						{each.commands.slice(0, commandRows).map((command, index) => (
							<Text key={index} dimColor wrap="truncate-end">{`    ${command}`}</Text>
						))}
						{each.commands.length > commandRows ? <Text dimColor>{`    … and ${each.commands.length - commandRows} more (cluster plan FILE lists them all)`}</Text> : null}
					</Box>
				);
			})}
			<Box marginTop={1}>
				<KeyHelp keys={[{key: '↑↓', does: 'choose a file'}, {key: 'v', does: 'its diff'}, {key: 'Enter', does: 'deploy'}, {key: 'Esc', does: 'back to the settings'}]} />
			</Box>
		</Box>
	);
}
