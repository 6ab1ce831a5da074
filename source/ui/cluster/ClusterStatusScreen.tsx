// cluster status FILE in a terminal: per node its services as they answer over the network, and the
// cluster as a whole (ZooKeeper leader and quorum, Mesos leader, agents active of all, frameworks,
// Marathon leader, every problem named) and Docker on the nodes that use it, looked at again every
// 2 s; r looks now, q leaves. The same readings and judgement as cluster status --once.
import {Box, Text} from 'ink';
import React from 'react';
import {clusterStatusLines} from '../../model/cluster-status-lines.js';
import type {Cluster} from '../../model/cluster.js';
import type {ClusterWatch} from '../../use-cases/cluster-review.js';
import {KeyHelp} from '../components/key-help/KeyHelp.js';
import {isChar, isKey} from '../components/keys/split-keys.js';
import {useKeys} from '../components/keys/use-keys.js';
import {useClusterLook} from './use-cluster-look.js';

// open: the looks of this screen (opened once; closed when it is left).
type Props = {cluster: Cluster; open: () => ClusterWatch; intervalMs?: number; onExit: (code: number) => void};

export function ClusterStatusScreen({cluster, open, intervalMs = 2000, onExit}: Props) {
	const {look, at, error, looking, refresh} = useClusterLook(open, intervalMs);
	useKeys(press => {
		if (isChar(press, 'r')) refresh();
		else if (isChar(press, 'q') || isKey(press, 'escape')) onExit(look && look.health.problems.length === 0 ? 0 : 1);
	});
	const masters = cluster.nodes.filter(node => node.role !== 'agent').length;
	return (
		<Box flexDirection="column">
			<Text bold>
				{`Cluster status: ${cluster.nodes.length} node${cluster.nodes.length === 1 ? '' : 's'}, ${masters} master${masters === 1 ? '' : 's'}`}
				<Text dimColor>{at ? ` · looked at ${at.toLocaleTimeString('en-GB')}${looking ? ' · looking…' : ''}` : ' · looking…'}</Text>
			</Text>
			{look
				? look.nodes.map(({node, rows}) => (
						<Box key={node.name} flexDirection="column" marginTop={1}>
							<Text bold>{`${node.name} · ${node.role} · ${node.address}`}</Text>
							{rows.map(row => (
								<Text key={row.service} wrap="truncate-end">
									{'  '}
									<Text color={row.ok ? 'green' : 'red'}>{row.ok ? '●' : '✖'}</Text>
									{` ${row.service.padEnd(13)} ${row.text}`}
								</Text>
							))}
						</Box>
					))
				: null}
			{look ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>Cluster</Text>
					{clusterStatusLines(look.health).map(line => (
						<Text key={line} color={line.startsWith('problem:') ? 'red' : line === 'The cluster is healthy.' ? 'green' : undefined}>
							{`  ${line}`}
						</Text>
					))}
				</Box>
			) : null}
			{error ? <Text color="red">{`Could not look at the cluster: ${error}`}</Text> : null}
			<Box marginTop={1}>
				<KeyHelp keys={[{key: 'r', does: 'look again now'}, {key: 'q', does: 'quit'}]} />
			</Box>
		</Box>
	);
}
