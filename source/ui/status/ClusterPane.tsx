// The cluster at a glance: leader, agents, frameworks, Marathon, CPUs and memory; what did not
// answer is listed with its error.
import {Box, Text} from 'ink';
import type {ClusterSummary} from '../../model/cluster-summary.js';
import {clusterLines} from '../../model/status-snapshot.js';

export function ClusterPane({cluster}: {cluster: ClusterSummary}) {
	return (
		<Box flexDirection="column">
			<Text bold>Cluster</Text>
			{clusterLines(cluster).map(line => (
				<Text key={line} wrap="truncate-end" color={line.startsWith('Unreachable') ? 'yellow' : undefined}>
					{'  '}
					{line}
				</Text>
			))}
		</Box>
	);
}

// The cluster pane's height, so the service panes can take the rest of the terminal.
export const clusterPaneHeight = (cluster: ClusterSummary): number => 1 + clusterLines(cluster).length;
