// `cluster undo FILE --yes [--root DIR] [--dry-run]`, without a terminal: every node checked before
// any node changes (a refusal names every refusing node, exit 1, nothing changed anywhere), the run
// each node puts back named, then per node what it put back or why it failed part way (exit 1).
// A dry run (under --root only) says per node what would be put back and changes nothing.
import type {Cluster} from '../model/cluster.js';
import {nodeEndLine, partlyUndoneLines} from '../model/cluster-undo.js';
import {type ClusterEvent} from '../use-cases/cluster.js';
import {undoCluster, undoRehearsedCluster} from '../use-cases/cluster-undo.js';
import {type Output, paint} from './output.js';

export async function runClusterUndo(cluster: Cluster, options: {root?: string; dryRun?: boolean}, output: Output): Promise<number> {
	// The undo says only notices: a node's, prefixed with its name.
	const onEvent = (event: ClusterEvent): void => {
		if (event.type === 'notice') output.out(event.node ? `${event.node}: ${event.line}` : event.line);
	};
	const dryRun = options.dryRun ?? false;
	const results = options.root === undefined ? await undoCluster(cluster, {onEvent}) : await undoRehearsedCluster(cluster, options.root, {onEvent, dryRun});
	for (const result of results) {
		if (result.outcome === 'would') for (const file of result.files) output.out(`${result.node}: ${file.action === 'restore' ? 'would restore' : 'would remove'} ${file.path}`);
	}
	for (const result of results) {
		if (result.outcome === 'failed') output.err(paint(output, 'red', nodeEndLine(result)));
		else output.out(nodeEndLine(result));
	}
	if (dryRun) {
		output.out('Dry run: nothing was changed on any node.');
		return 0;
	}
	const partly = partlyUndoneLines(results);
	for (const line of partly) output.err(line);
	output.out('Services are not restarted by undo: restart them on each node to use the files put back.');
	return partly.length > 0 ? 1 : 0;
}
