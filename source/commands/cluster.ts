// The plain (no terminal) cluster commands: cluster plan [--script], cluster setup --yes [--root DIR],
// cluster status --once|--json (cluster undo --yes: cluster-undo.ts). Every line a node says starts
// with its name.
import {type Cluster, type ClusterNode} from '../model/cluster.js';
import {clusterProven, rehearsalDone} from '../model/cluster-deploy-view.js';
import {nodeAnswers} from '../model/cluster-derivation.js';
import {clusterEnding, type EndingWords} from '../model/cluster-ending.js';
import {refuseUnpinnedKey} from '../model/source-problems.js';
import {resolveValues} from '../model/answers.js';
import {clusterStatusLines} from '../model/cluster-status-lines.js';
import {layoutLines} from '../model/layout-prediction.js';
import {renderClusterScript} from '../model/cluster-script.js';
import {shellQuote} from '../model/script.js';
import {type ClusterEvent, type ClusterOutcome, type NodeFailure, clusterStatus, deployCluster, planCluster, rehearseCluster} from '../use-cases/cluster.js';
import {type Output, paint} from './output.js';
import {describeAction} from './plan.js';
import {printEvent} from './setup-yes.js';

const nodeTitle = (node: ClusterNode): string => `${node.name} (${node.role}, ${node.address})`;

// One Output per node whose lines start with its name, so parallel nodes can be told apart.
const prefixed = (output: Output, name: string): Output => ({...output, out: line => output.out(`${name}: ${line}`), err: line => output.err(`${name}: ${line}`)});

export async function runClusterPlan(cluster: Cluster, options: {script: boolean; root?: string}, output: Output): Promise<number> {
	const plans = await planCluster(cluster, options.root === undefined ? {} : {root: options.root});
	if (options.script) {
		output.out(renderClusterScript(plans).replace(/\n$/, ''));
		return 0;
	}
	const facts = plans[0]?.plan.facts;
	if (facts?.assumed) output.out(`Planned for the article's machine (${facts.distro} ${facts.codename}, ${facts.init}); cluster setup detects each node over SSH first.`);
	output.out('This is what cluster setup would do on each node. Nothing has been changed.');
	for (const {node, plan, services, read} of plans) {
		output.out('');
		output.out(paint(output, 'bold', `######## ${nodeTitle(node)}: runs ${services.join(', ')}`));
		for (const line of layoutLines(plan.facts)) output.out(`${node.name}: ${line}`);
		for (const step of plan.steps) {
			output.out(`== ${node.name}: ${step.title}: ${step.summary}`);
			for (const action of step.actions) for (const line of await describeAction(action, read)) output.out(line);
		}
	}
	return 0;
}

function printClusterEvent(event: ClusterEvent, output: Output): void {
	switch (event.type) {
		case 'stage-start':
			output.out(paint(output, 'bold', `==== ${event.stage.title}: ${event.stage.parts.map(part => part.node.name).join(', ')}`));
			return;
		case 'stage-end':
			if (!event.ok) output.err(paint(output, 'red', `==== ${event.stage.title} failed`));
			return;
		case 'node':
			printEvent(event.event, prefixed(output, event.node));
			return;
		case 'notice':
			(event.node ? prefixed(output, event.node) : output).out(event.line);
			return;
		case 'planned':
			for (const line of event.lines) prefixed(output, event.node).out(line);
			return;
		case 'postflight':
			output.out(paint(output, 'bold', `==== Postflight: ${event.settled ? 'the cluster is proven' : 'the cluster is not proven'}`));
			for (const line of clusterStatusLines(event.health)) output.out(line);
	}
}

// A failed node: what failed, the last lines of its output and of its log, and where that log is.
function printFailure(failure: NodeFailure, output: Output): void {
	const {node} = failure;
	output.err(paint(output, 'red', `${node}: failed: ${failure.message}`));
	for (const line of failure.detail ?? []) output.err(`${node}:   ${line}`);
	if (failure.log) {
		output.err(`${node}: the end of its log, ${failure.log}:`);
		for (const line of failure.tail ?? []) output.err(`${node}: | ${line}`);
	}
}

// The failed nodes' output and logs, then the ending as the model words it (model/cluster-ending.ts).
export function printClusterEnding(outcome: ClusterOutcome, output: Output, words: EndingWords): number {
	if (!outcome.stopped) for (const failure of outcome.failed) printFailure(failure, output);
	const {code, lines} = clusterEnding(outcome, words);
	const say = code === 0 ? output.out : output.err;
	for (const {text, tone} of lines) say(tone ? paint(output, tone, text) : text);
	return code;
}

// `file`: the cluster file as it was named, for the commands a person is told to run next.
// An unpinned apt key is refused before either path, as the deploy refuses it: a rehearsal passes
// only what the deploy would.
export async function runClusterSetupYes(cluster: Cluster, options: {file: string; root?: string; dryRun?: boolean; signal?: AbortSignal}, output: Output): Promise<number> {
	for (const node of cluster.nodes) refuseUnpinnedKey(resolveValues(nodeAnswers(cluster, node)));
	const common = {onEvent: (event: ClusterEvent) => printClusterEvent(event, output), ...(options.signal ? {signal: options.signal} : {})};
	const file = shellQuote(options.file);
	const root = options.root === undefined ? '' : ` --root ${shellQuote(options.root)}`;
	const words = {again: `mesos-setup cluster setup ${file}${root} --yes`, undo: `mesos-setup cluster undo ${file}${root} --yes`};
	if (options.root !== undefined) {
		const outcome = await rehearseCluster(cluster, options.root, {...common, dryRun: options.dryRun ?? false});
		return printClusterEnding(outcome, output, {...words, done: rehearsalDone(options.root, options.dryRun === true, `mesos-setup cluster setup ${file}${root} --yes`)});
	}
	const outcome = await deployCluster(cluster, common);
	return printClusterEnding(outcome, output, {...words, done: `Done: ${clusterProven(cluster.nodes.length)}.`, status: `mesos-setup cluster status ${file}`});
}

export async function runClusterStatusOnce(cluster: Cluster, options: {json: boolean; root?: string}, output: Output): Promise<number> {
	const health = await clusterStatus(cluster, {sandbox: options.root !== undefined});
	if (options.json) output.out(JSON.stringify({nodes: cluster.nodes, ...health}, null, 2));
	else for (const line of clusterStatusLines(health)) output.out(line);
	return health.problems.length === 0 ? 0 : 1;
}
