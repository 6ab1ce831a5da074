// The cluster at a glance: leader, agents, frameworks, Marathon, CPUs and memory; what did not
// answer is listed with its error, wrapped rather than cut. When nothing answered, the unknowns
// share one line; when the rows still do not suffice, the last lines give way to a line that says
// how many more `status --once` shows.
import {Box, Text} from 'ink';
import type {ClusterSummary} from '../../model/cluster-summary.js';
import {clusterLines} from '../../model/status-snapshot.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';

const knowsNothing = (cluster: ClusterSummary): boolean =>
	!cluster.leader && !cluster.agents && !cluster.frameworks && !cluster.cpus && !cluster.memoryMb && cluster.marathon.registered === null && !cluster.marathon.leader && !cluster.marathon.version;

function screenLines(cluster: ClusterSummary): string[] {
	const lines = clusterLines(cluster);
	if (!knowsNothing(cluster)) return lines;
	const unknown = ['Agents:', 'Frameworks:', 'Marathon:', 'CPUs:', 'Memory:'];
	return [...lines.filter(line => !unknown.some(label => line.startsWith(label))).slice(0, 1), 'Unknown:    agents, frameworks, Marathon, CPUs, memory', ...lines.filter(line => line.startsWith('No answer:'))];
}

type Row = {text: string; warn: boolean};

function clusterRows(cluster: ClusterSummary, width: number): Row[] {
	return screenLines(cluster).flatMap(line => wrapRows(`  ${line}`, width, ' '.repeat(14)).map(text => ({text, warn: line.startsWith('No answer:')})));
}

// The heading and as many rows as `height` allows (a cut leaves its last row for saying so).
function shownRows(cluster: ClusterSummary, width: number, height: number): {rows: Row[]; more: number} {
	const rows = clusterRows(cluster, width);
	const room = Math.max(1, height - 1);
	if (rows.length <= room) return {rows, more: 0};
	const kept = Math.max(0, room - 1);
	return {rows: rows.slice(0, kept), more: rows.length - kept};
}

export function ClusterPane({cluster, width, height}: {cluster: ClusterSummary; width: number; height: number}) {
	const {rows, more} = shownRows(cluster, width, height);
	return (
		<Box flexDirection="column">
			<Text bold>Cluster</Text>
			{rows.map((row, index) => (
				<Text key={index} wrap="truncate-end" {...(row.warn ? {color: 'yellow'} : {})}>
					{row.text}
				</Text>
			))}
			{more > 0 ? (
				<Text dimColor wrap="truncate-end">
					{'  '}… {more} more line{more === 1 ? '' : 's'} (status --once lists them all)
				</Text>
			) : null}
		</Box>
	);
}

// The rows the pane wants, so the service panes can take the rest of the terminal.
export const clusterPaneHeight = (cluster: ClusterSummary, width: number): number => 1 + clusterRows(cluster, width).length;
