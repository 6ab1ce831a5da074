// The deploy, live: the stage under way, a pane per node (its step, its services' health, its output
// streamed), nodes side by side in two columns when there are more than three. A node that fails
// shows its log's end and asks: r retry its step, s skip it, q quit. A node whose SSH host key is
// unknown shows its fingerprints and asks: a accepts, n refuses (the deploy stops before any node
// changes). A node whose installed packages read another layout than planned lists the files it
// writes instead, before writing any: Enter goes on, q stops the deploy. q (then y) or Ctrl+C stops the run (exit 130); at the end the postflight's proof of the
// cluster, then Enter leaves.
import {Box, Text} from 'ink';
import React, {useEffect, useState} from 'react';
import type {ClusterNode} from '../../model/cluster.js';
import {clusterEnding, type EndingLine, type EndingWords} from '../../model/cluster-ending.js';
import type {NodeFailure, NodeMoved} from '../../model/cluster-events.js';
import {clusterStatusLines} from '../../model/cluster-status-lines.js';
import {stoppedExitCode} from '../../model/errors.js';
import {KeyHelp} from '../components/key-help/KeyHelp.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import {useStop} from '../components/keys/use-stop.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {HostKeyQuestion} from './HostKeyQuestion.js';
import {NodePane} from './NodePane.js';
import {type RunDeploy, useClusterDeploy} from './use-cluster-deploy.js';

// words: what the ending says (model/cluster-ending.ts), as the plain command says it: `done` when
// every node got through (a rehearsal says where its files are), `again` to continue.
type Props = {nodes: readonly ClusterNode[]; run: RunDeploy; words: EndingWords; onExit: (code: number, message?: string) => void};

function FailureQuestion({failure}: {failure: NodeFailure}) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color="red" bold>{`✖ ${failure.node} failed: ${failure.message}`}</Text>
			{(failure.detail ?? []).slice(-3).map((line, index) => (
				<Text key={`d${index}`} color="yellow" wrap="truncate-end">{`  ${line}`}</Text>
			))}
			{failure.log ? <Text dimColor>{`The end of its log, ${failure.log}:`}</Text> : null}
			{(failure.tail ?? []).slice(-6).map((line, index) => (
				<Text key={`t${index}`} dimColor wrap="truncate-end">{`  | ${line}`}</Text>
			))}
			<Text>{`r retries its step · s skips ${failure.node} (its later stages do not run) · q quits (a later cluster setup continues: what is done changes nothing)`}</Text>
		</Box>
	);
}

function MovedQuestion({moved}: {moved: NodeMoved}) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color="yellow" bold>{`? ${moved.node}: none of these files is written yet.`}</Text>
			{moved.lines.map((line, index) => (
				<Text key={index}>{line}</Text>
			))}
			<Text>{`Enter writes them and the deploy goes on · q stops the deploy (nothing more is written on ${moved.node})`}</Text>
		</Box>
	);
}

export function ClusterDeployScreen({nodes, run, words, onExit}: Props) {
	const {view, answer, answerHostKey, answerMoved, stop, buffers} = useClusterDeploy(nodes, run);
	const [asking, setAsking] = useState(false);
	const {rows, columns} = useTerminalSize();
	const ended = view.outcome !== undefined || view.error !== undefined;
	const ending = view.outcome ? clusterEnding(view.outcome, words) : undefined;
	const code = view.error !== undefined ? 1 : (ending?.code ?? 1);
	// A stopped run ends the program (130) with its ending's lines (how to continue, what changed),
	// as the wizard does.
	const stoppedWith = view.outcome?.stopped && ending ? ending.lines.map(line => line.text).join('\n') : undefined;
	const leave = (): void => onExit(code, stoppedWith);
	useStop(() => (ended ? leave() : stop()));
	useEffect(() => {
		if (stoppedWith !== undefined) onExit(stoppedExitCode, stoppedWith);
	}, [stoppedWith, onExit]);
	useKeys(press => {
		if (ended) {
			if (isKey(press, 'return') || isChar(press, 'q') || isKey(press, 'escape')) leave();
		} else if (view.hostKey) {
			if (isChar(press, 'a')) answerHostKey('accept');
			else if (isChar(press, 'n')) answerHostKey('refuse');
		} else if (view.moved) {
			if (isKey(press, 'return')) answerMoved(true);
			else if (isChar(press, 'q')) answerMoved(false);
		} else if (view.asking) {
			if (isChar(press, 'r')) answer('retry');
			else if (isChar(press, 's')) answer('skip');
			else if (isChar(press, 'q')) answer('quit');
		} else if (asking) {
			if (isChar(press, 'y')) {
				setAsking(false);
				stop();
			} else if (isChar(press, 'n') || isKey(press, 'escape')) setAsking(false);
		} else if (isChar(press, 'q') && !view.stopping) setAsking(true);
	});
	const columnsOfPanes = nodes.length > 3 && columns >= 80 ? 2 : 1;
	const paneRows = Math.floor((rows - (view.asking ? 16 : view.hostKey ? 8 + view.hostKey.keys.length : view.moved ? 6 + view.moved.lines.length : view.outcome ? Math.max(10, 6 + (ending?.lines.length ?? 0) + view.outcome.failed.length) : 5)) / Math.ceil(nodes.length / columnsOfPanes));
	const width = Math.floor(columns / columnsOfPanes);
	return (
		<Box flexDirection="column">
			<Text bold>{`Deploy: ${view.stopping && !ended ? 'stopping…' : (view.stage ?? (ended ? 'finished' : 'under way'))}`}</Text>
			<Box flexWrap="wrap" width={columns}>
				{view.nodes.map(pane => (
					<NodePane key={pane.node.name} pane={pane} buffer={buffers.get(pane.node.name) as NonNullable<ReturnType<typeof buffers.get>>} width={width} logLines={Math.max(paneRows - 5, 1)} />
				))}
			</Box>
			{view.notices.slice(-2).map((line, index) => (
				<Text key={index} dimColor wrap="truncate-end">
					{line}
				</Text>
			))}
			{view.hostKey ? <HostKeyQuestion question={view.hostKey} /> : null}
			{view.moved ? <MovedQuestion moved={view.moved} /> : null}
			{view.asking ? <FailureQuestion failure={view.asking} /> : null}
			{view.postflight ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold color={view.postflight.settled ? 'green' : 'red'}>{`Postflight: ${view.postflight.settled ? 'the cluster is proven' : 'the cluster is not proven'}`}</Text>
					{clusterStatusLines(view.postflight.health).map(line => (
						<Text key={line} wrap="truncate-end">{`  ${line}`}</Text>
					))}
				</Box>
			) : null}
			{view.error ? <Text color="red">{`The deploy could not go on: ${view.error}`}</Text> : null}
			{view.outcome && ending ? <Ending failed={view.outcome.stopped ? [] : view.outcome.failed} lines={ending.lines} /> : null}
			{asking && !ended ? <Text color="yellow">Stop the deploy? The steps under way are stopped and recorded; nothing after them runs. y stops · n goes on</Text> : null}
			<KeyHelp keys={ended ? [{key: 'Enter', does: 'leave'}] : view.hostKey ? [{key: 'a', does: 'accept the key'}, {key: 'n', does: 'refuse it'}] : view.moved ? [{key: 'Enter', does: 'write them'}, {key: 'q', does: 'stop the deploy'}] : view.asking ? [{key: 'r', does: 'retry'}, {key: 's', does: 'skip the node'}, {key: 'q', does: 'quit'}] : [{key: 'q', does: 'stop the deploy'}, {key: 'Ctrl+C', does: 'stop at once'}]} />
		</Box>
	);
}

// The failed nodes, then the ending's lines.
function Ending({failed, lines}: {failed: readonly NodeFailure[]; lines: readonly EndingLine[]}) {
	return (
		<Box flexDirection="column">
			{failed.map(failure => (
				<Text key={failure.node} color="red">{`✖ ${failure.node}: ${failure.message}${failure.log ? ` (log: ${failure.log})` : ''}`}</Text>
			))}
			{lines.map((line, index) => (
				<Text key={index} {...(line.tone ? {color: line.tone} : {})}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
