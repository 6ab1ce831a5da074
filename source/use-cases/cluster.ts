// Several machines from one cluster file: the plan of every node, a rehearsal under --root DIR (node
// NAME's files under DIR/NAME, nothing over SSH), the deploy over SSH in stages, the postflight that
// proves the cluster, and cluster status (undo on every node: cluster-undo.ts). Screens and plain
// commands both call these.
import path from 'node:path';
import {clockSkew} from '../model/clock-skew.js';
import {nodeRunOf} from '../model/cluster-ending.js';
import {type ClusterHealth, judgeCluster} from '../model/cluster-health.js';
import {clusterStages, type NodePlan, nodePlan} from '../model/cluster-plan.js';
import {refuseUnpinnedKey} from '../model/source-problems.js';
import type {Cluster} from '../model/cluster.js';
import type {Plan} from '../model/plan.js';
import {ApplyRun} from '../system/apply-plan.js';
import {readLogTail} from '../system/log-tail.js';
import {createTargetFs} from '../system/target-fs.js';
import {newRunId} from '../system/journal.js';
import {nodeLogDir, type NodeSystem, nodeRunLog} from '../system/node-system.js';
import {createProbes, type Probes} from '../system/probes.js';
import {refuseNodesTargets, refuseUnwritableTargets} from '../system/target-check.js';
import {removeLeftoverTempFiles} from '../system/leftovers.js';
import {readAhead} from './cluster-ahead.js';
import {type AskHostKey, connectAll} from './cluster-connect.js';
import {dockerAsker, readClusterAndDocker} from './cluster-docker.js';
import {type AskNodeMoved, confirmShownLayouts, nodePlanLines, nodeSandbox, nodeStepsAfter, predictClusterLayouts, predictedNodePlan, unreachedNodeFacts} from './cluster-layout.js';
import {type ClusterLocks, lockCluster, type Machine, thisMachine} from './cluster-lock.js';
import type {UseCaseOptions} from './use-case-options.js';
import type {NodeRun} from '../model/cluster-events.js';
import {type ClusterEvent, type ClusterOutcome, finishAndProve, type NodeDecision, type NodeFailure, postflight, runStages} from './cluster-stages.js';

export {rehearseCluster} from './cluster-rehearsal.js';
export {endpointOf, type AskHostKey} from './cluster-connect.js';
export {postflight, runStages, type ClusterEvent, type ClusterOutcome, type NodeDecision, type NodeFailure, type StageWork} from './cluster-stages.js';

// `thisMachine`: where this machine's run lock is taken (a test moves it).
export type ClusterRunOptions = UseCaseOptions<ClusterEvent> & {thisMachine?: Machine};

// Every node reached, this machine's and every node's run lock taken and what a killed run left on
// a node removed, then `work`; the locks and the connections are given back however it ends.
// `work` may let the nodes go sooner (`letGo`: their locks given back and their connections closed,
// once nothing more is done on them), so the postflight's wait is not also theirs.
// A node whose host key is unknown is asked about through `onUnknownHostKey` (the screens), or refused.
export async function onLockedNodes<T>(
	cluster: Cluster,
	command: string,
	options: ClusterRunOptions & {onUnknownHostKey?: AskHostKey},
	work: (systems: NodeSystem[], letGo: () => Promise<void>) => Promise<T>,
): Promise<T> {
	const notice = (line: string, node?: string): void => options.onEvent?.({type: 'notice', ...(node ? {node} : {}), line});
	const {sessions, nodeSessions, systems} = await connectAll(cluster, options.onUnknownHostKey);
	let locks: ClusterLocks | undefined;
	let gone: Promise<void> | undefined;
	// The nodes' locks first (each held by a session of its connection), then the connections.
	const letGo = async (): Promise<void> =>
		(gone ??= (async () => {
			try {
				await locks?.releaseNodes();
			} finally {
				await sessions.close();
			}
		})());
	try {
		locks = await lockCluster(options.thisMachine ?? thisMachine(), nodeSessions, command, notice);
		try {
			await Promise.all(
				systems.map(async system => {
					const removed = await removeLeftoverTempFiles(system.fs);
					if (removed.length > 0) notice(`Removed ${removed.length} temp file${removed.length === 1 ? '' : 's'} a stopped run left: ${removed.join(', ')}.`, system.node);
				}),
			);
			return await work(systems, letGo);
		} finally {
			await letGo().finally(async () => locks?.release());
		}
	} finally {
		await letGo();
	}
}

export type PlannedNode = NodePlan & {read(path: string): Promise<string | undefined>};

// Without --root no node is asked: each plan is made for the article's machine, every file new, its
// layout predicted from the package source as this machine reads it (the deploy predicts again on
// each node). With --root DIR, for the sandbox DIR/NAME of each node, as cluster setup --root would
// write it, its source read there (a folder under DIR/NAME).
export async function planCluster(cluster: Cluster, options: {root?: string; signal?: AbortSignal} = {}): Promise<PlannedNode[]> {
	const {root, signal} = options;
	if (root === undefined) {
		const layouts = await predictClusterLayouts(cluster, {signal});
		return cluster.nodes.map(node => ({...nodePlan(cluster, node, layouts[node.name] ?? unreachedNodeFacts), read: async () => undefined}));
	}
	const planned = await Promise.all(
		cluster.nodes.map(async node => {
			const system = await nodeSandbox(root, node);
			return {system, plan: await predictedNodePlan(cluster, node, system, signal)};
		}),
	);
	await refuseNodesTargets(planned.map(({system, plan}) => ({node: plan.node.name, targets: async () => refuseUnwritableTargets(system.fs, plan.plan)})));
	return planned.map(({system, plan}) => ({...plan, read: async (file: string) => system.fs.read(file)}));
}

// Over SSH: every node reached and its preflight passed before any node changes (one failing stops
// everything, named); then the stages, nodes in parallel within each; then the postflight.
//
// A node that fails: with `onNodeFailed` (the screens) the person chooses: retry its step, skip the
// node (the rest of its stages are not run; the postflight says what is missing), or quit. Without
// it (--yes) the stage ends on every other node, then the deploy stops, naming the node and its log.
// A node whose SSH host key is unknown: with `onUnknownHostKey` (the screens) the person is shown
// its keys and accepts them (written to known_hosts, the preflight goes on) or refuses (the deploy
// stops before any node changes); without it (--yes) it is refused with its fingerprints.
// Each node's files go where its packages will read them: predicted on the node from its source
// before anything changes (said per node, a `planned` event), and looked at again on the node after
// its install; a node whose packages read elsewhere says, or with `onLayoutMoved` (the screens) asks,
// which files it writes instead before writing any (model/layout-prediction.ts).
export async function deployCluster(
	cluster: Cluster,
	options: ClusterRunOptions & {
		postflightMs?: number;
		onNodeFailed?: (failure: NodeFailure) => Promise<NodeDecision>;
		onUnknownHostKey?: AskHostKey;
		onLayoutMoved?: AskNodeMoved;
		// The plan the screens' summary showed per node (planned without reaching it).
		shown?: ReadonlyMap<string, Plan>;
	} = {},
): Promise<ClusterOutcome> {
	const emit = (event: ClusterEvent): void => options.onEvent?.(event);
	// Each node's plan, targets and preflight checks, asked of every node at once (cluster-ahead.ts).
	return onLockedNodes(cluster, 'cluster-setup', options, async (systems, letGo) => {
		const read = await Promise.all(systems.map(async system => readAhead(cluster, system, options.signal)));
		const plans = read.map(({plan}) => plan);
		for (const plan of plans) emit({type: 'planned', node: plan.node.name, lines: nodePlanLines(plan)});
		if (options.shown && options.onLayoutMoved && !(await confirmShownLayouts(plans, options.shown, options.onLayoutMoved))) return {ok: false, stopped: true, failed: [], nodes: []};
		const after = new Map(
			plans.map((plan, index) => [plan.node.name, nodeStepsAfter(cluster, plan, systems[index] as NodeSystem, {notice: line => emit({type: 'notice', node: plan.node.name, line}), onLayoutMoved: options.onLayoutMoved})]),
		);
		// Nobody confirms an unpinned key during an unattended deploy.
		if (!options.onNodeFailed) for (const plan of plans) refuseUnpinnedKey(plan.values);
		// Every node's at once (one round trip a node, made ahead), every node's problems said together.
		await refuseNodesTargets(read.map(({plan, targets}) => ({node: plan.node.name, targets})));
		const now = new Date();
		const runId = newRunId(now);
		const runs = new Map(systems.map(system => [system.node, new ApplyRun(system, runId, {log: nodeRunLog(system.node, runId)})]));
		// What this run did on each node, for the ending (taken before a run is finished: finishing records it).
		const nodeRuns = (): NodeRun[] => systems.map(system => nodeRunOf(system.node, (runs.get(system.node) as ApplyRun).summary(), system.fs.hostPath));
		// Each node's clock, read as its preflight ends (nothing else waits in its shell then), not
		// once the slowest node's has.
		const clocks = new Map<string, Promise<number>>();
		const staged = await runStages(clusterStages(plans), {
			applyStep: async (node, step) => {
				const applied = await (runs.get(node) as ApplyRun).applyStep(step, event => emit({type: 'node', node, event}), {
					completesStep: step.id !== 'start',
					...(options.signal ? {signal: options.signal} : {}),
				});
				const system = systems.find(candidate => candidate.node === node);
				if (step.id === 'preflight' && applied.ok && system) {
					const offset = system.nodeChecks.clockOffsetMs();
					offset.catch(() => undefined);
					clocks.set(node, offset);
				}
				return applied;
			},
			failureOf: async (node, step, result) => {
				const logged = result.logPath;
				const {lines} = logged ? await readLogTail(createTargetFs(nodeLogDir()), [logged], 10) : {lines: []};
				const {detail} = result.failed?.outcome ?? {};
				return {node, message: `${step.title}: ${result.failed?.outcome.message ?? 'failed'}`, step: step.title, ...(detail && detail.length > 0 ? {detail} : {}), ...(logged ? {log: path.join(nodeLogDir(), logged), tail: lines} : {})};
			},
			afterStage: async stage => {
				if (stage.id !== 'preflight') return undefined;
				const offsets = await Promise.all(systems.map(async system => ({node: system.node, offsetMs: await (clocks.get(system.node) ?? system.nodeChecks.clockOffsetMs())})));
				// Named for the two nodes furthest apart: no one node is at fault.
				const skew = clockSkew(offsets);
				return skew ? {node: skew.nodes.join(' and '), message: skew.message} : undefined;
			},
			stepsAfter: async (node, step, rest) => (after.get(node) as NonNullable<ReturnType<typeof after.get>>)(step, rest),
			emit,
			...(options.onNodeFailed ? {onNodeFailed: options.onNodeFailed} : {}),
			...(options.signal ? {signal: options.signal} : {}),
		});
		if (staged.stopped || staged.failed.length > 0) return {ok: false, ...staged, nodes: nodeRuns()};
		const {failed, skipped = []} = staged;
		const nodes = nodeRuns();
		const finishing = [...runs].map(([node, run]) => ({node, finish: async () => run.finish()}));
		const proof = await finishAndProve(finishing, letGo, async judged => postflight(systems[0]?.probes as Probes, cluster, options.postflightMs ?? 60_000, judged), options.signal);
		emit({type: 'postflight', health: proof.health, settled: proof.settled});
		const {unfinished} = proof;
		const ended = {failed, ...(skipped.length > 0 ? {skipped} : {}), health: proof.health, nodes, ...(unfinished.length > 0 ? {unfinished} : {})};
		if (proof.stopped) return {ok: false, stopped: true, postflightStopped: true, ...ended};
		return {ok: proof.settled && skipped.length === 0 && unfinished.length === 0, ...ended};
	});
}

// cluster status: what every node's services answer, judged whole, from this machine; Docker asked on
// the nodes that use it (over SSH; not at all under --root, `sandbox`).
export async function clusterStatus(cluster: Cluster, options: {probes?: Probes; sandbox?: boolean} = {}): Promise<ClusterHealth> {
	const docker = dockerAsker(cluster, {sandbox: options.sandbox ?? false});
	try {
		return judgeCluster(await readClusterAndDocker(options.probes ?? createProbes(), cluster, docker));
	} finally {
		await docker.close();
	}
}
