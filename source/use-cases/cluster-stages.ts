// The deploy's stages and its postflight, apart from how the nodes are reached: the stages in
// order with the nodes of each in parallel, a failed node retried, skipped or the end; then the
// cluster judged over the network until it is proven or the time is up.
import type {ClusterEvent, ClusterOutcome, NodeDecision, NodeFailure, Unfinished} from '../model/cluster-events.js';
import {type ClusterHealth, judgeCluster} from '../model/cluster-health.js';
import type {Stage} from '../model/cluster-plan.js';
import type {Cluster} from '../model/cluster.js';
import {errorMessage} from '../model/errors.js';
import type {Step} from '../model/plan.js';
import type {ApplyResult} from '../system/apply-plan.js';
import {readCluster} from '../system/cluster-readings.js';
import type {Probes} from '../system/probes.js';

export type {ClusterEvent, ClusterOutcome, NodeDecision, NodeFailure} from '../model/cluster-events.js';

// Waits until the cluster is proven or the deadline passes; the last judgement is returned.
export async function postflight(probes: Probes, cluster: Cluster, deadlineMs: number, signal?: AbortSignal): Promise<{health: ClusterHealth; settled: boolean}> {
	const end = Date.now() + deadlineMs;
	for (;;) {
		const health = judgeCluster(await readCluster(probes, cluster));
		if (health.problems.length === 0) return {health, settled: true};
		if (Date.now() >= end || signal?.aborted) return {health, settled: false};
		await new Promise(resolve => setTimeout(resolve, 1000));
	}
}

// Every node's run finished at once (each to its end, whatever another's), then the nodes let go
// (`letGo`), while the postflight proves the cluster (in turn they took half a second). A run that
// cannot be finished (its node dropped after the last stage) is said with its node (`unfinished`),
// and the proof goes on: every stage ran, so the ending says so rather than a bare SSH error. A
// stop (`signal`) during the wait cuts only the proof short: `stopped` says so rather than "not proven".
export async function finishAndProve(
	runs: readonly {node: string; finish(): Promise<void>}[],
	letGo: () => Promise<void>,
	prove: (signal: AbortSignal) => Promise<{health: ClusterHealth; settled: boolean}>,
	signal?: AbortSignal,
): Promise<{health: ClusterHealth; settled: boolean; stopped: boolean; unfinished: Unfinished[]}> {
	const finishing = Promise.allSettled(runs.map(async run => run.finish())).then(async ends => {
		await letGo();
		return ends.flatMap((end, index) => (end.status === 'rejected' ? [{node: runs[index]?.node ?? '', message: errorMessage(end.reason)}] : []));
	});
	const [finished, proven] = await Promise.allSettled([finishing, prove(signal ?? new AbortController().signal)]);
	if (finished.status === 'rejected') throw finished.reason;
	if (proven.status === 'rejected') throw proven.reason;
	return {...proven.value, stopped: !proven.value.settled && signal?.aborted === true, unfinished: finished.value};
}

type StagesOutcome = Omit<ClusterOutcome, 'ok' | 'health' | 'nodes' | 'postflightStopped' | 'unfinished'>;

export type StageWork = {
	applyStep(node: string, step: Step): Promise<ApplyResult>;
	failureOf(node: string, step: Step, result: ApplyResult): Promise<NodeFailure>;
	// A check over the whole stage once every node passed it (the preflight's clocks).
	afterStage?(stage: Stage): Promise<NodeFailure | undefined>;
	// After a node's step ended well: the steps of its part still to run, as they are or made again
	// (after the install, where the installed packages read another layout); undefined stops the
	// deploy (the person chose not to go on: no other node starts a step, those under way end).
	stepsAfter?(node: string, step: Step, rest: readonly Step[]): Promise<Step[] | undefined>;
	emit(event: ClusterEvent): void;
	onNodeFailed?: (failure: NodeFailure) => Promise<NodeDecision>;
	signal?: AbortSignal;
};

// The stages in order, the nodes of a stage in parallel, a stage only after the one before ended well
// on every node. A failed node: retried, skipped (none of its later stages run) or the end, as
// onNodeFailed answers; without it (--yes) the stage ends on the other nodes, then the deploy stops.
export async function runStages(stages: readonly Stage[], work: StageWork): Promise<StagesOutcome> {
	const failed: NodeFailure[] = [];
	const skipped = new Set<string>();
	let quit = false;
	let stopped = false;
	const result = (): StagesOutcome => ({failed, ...(skipped.size > 0 ? {skipped: [...skipped]} : {})});
	for (const fullStage of stages) {
		const stage = {...fullStage, parts: fullStage.parts.filter(part => !skipped.has(part.node.name))};
		if (stage.parts.length === 0) continue;
		work.emit({type: 'stage-start', stage});
		await Promise.all(
			stage.parts.map(async ({node: {name}, steps: planned}) => {
				let steps: readonly Step[] = planned;
				for (let index = 0; index < steps.length; index++) {
					const step = steps[index] as Step;
					for (;;) {
						if (quit) return;
						const applied = await work.applyStep(name, step);
						let failure: NodeFailure | undefined;
						if (applied.ok) {
							if (!work.stepsAfter) break;
							try {
								const rest = await work.stepsAfter(name, step, steps.slice(index + 1));
								if (!rest) {
									stopped = true;
									quit = true;
									return;
								}
								steps = [...steps.slice(0, index + 1), ...rest];
								break;
							} catch (error) {
								// Looking at what the step left failed (the node unreachable, a target refused): the
								// node's step failed, and is retried, skipped or the end like any other.
								failure = {node: name, message: `${step.title}: ${errorMessage(error)}`, step: step.title};
							}
						}
						failure ??= await work.failureOf(name, step, applied);
						const decision = applied.stopped || work.signal?.aborted || !work.onNodeFailed ? 'quit' : await work.onNodeFailed(failure);
						if (decision === 'retry') continue;
						if (decision === 'skip') {
							skipped.add(name);
							work.emit({type: 'notice', node: name, line: `Skipped: ${name} takes no further part in this deploy.`});
							return;
						}
						failed.push(failure);
						// Chosen on a screen: no other node starts a step; those under way end.
						if (work.onNodeFailed) quit = true;
						return;
					}
				}
			}),
		);
		if (failed.length === 0 && !stopped) {
			const problem = await work.afterStage?.(stage);
			if (problem) failed.push(problem);
		}
		work.emit({type: 'stage-end', stage, ok: failed.length === 0 && !stopped});
		if (work.signal?.aborted || stopped) return {...result(), stopped: true};
		if (failed.length > 0) return result();
	}
	return result();
}
