// Each node's values (the cluster's settings, then what its place in the machine list derives), and
// what does not hold together among them, named where it is put right: a problem with a setting the
// cluster file's `settings` gives every node (settings.repo.folder) once, as that setting, however
// many nodes it shows on; a problem with what a node derives, with the node. Pure.
import {consistencyProblems, type Problem, resolveValues, type Values} from './answers.js';
import {findDerivedSetting, nodeAnswers} from './cluster-derivation.js';
import type {Cluster, ClusterNode} from './cluster.js';
import {InputError} from './errors.js';

const nodeValuesOf = (cluster: Cluster, node: ClusterNode): Values => resolveValues(nodeAnswers(cluster, node));

// A problem is named by the setting to change, its first: the node's own when the machine list derives it.
const nodesOwn = (problem: Problem): boolean => problem.settings[0] !== undefined && findDerivedSetting(problem.settings[0]) !== undefined;

// Every problem of every node, each said once, in the order of the nodes: the cluster's settings as
// `settings.ID`, a node's own prefixed by its name. The same whichever node is asked first.
export function clusterValueProblems(cluster: Cluster): string[] {
	const said = new Set<string>();
	for (const node of cluster.nodes) {
		const values = nodeValuesOf(cluster, node);
		for (const problem of consistencyProblems(values)) {
			if (nodesOwn(problem)) said.add(`${node.name}: ${problem.text}`);
		}
		for (const problem of consistencyProblems(values, id => `settings.${id}`)) {
			if (!nodesOwn(problem)) said.add(problem.text);
		}
	}
	return [...said];
}

// The node's values, refused when they do not hold together: with every problem of the cluster, so
// the nodes planned at once refuse in the same words, whichever is first.
export function nodeValues(cluster: Cluster, node: ClusterNode): Values {
	const values = nodeValuesOf(cluster, node);
	if (consistencyProblems(values).length > 0) throw new InputError(clusterValueProblems(cluster));
	return values;
}
