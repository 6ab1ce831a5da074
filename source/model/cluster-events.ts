// What a cluster run reports and how it ends, as data: the use cases emit these events, plain
// commands print them and the deploy screen folds them (model/cluster-deploy-view.ts).
import type {ApplyEvent} from './apply-events.js';
import type {ClusterHealth} from './cluster-health.js';
import type {Stage} from './cluster-plan.js';

export type ClusterEvent =
	| {type: 'stage-start'; stage: Stage}
	| {type: 'stage-end'; stage: Stage; ok: boolean}
	| {type: 'node'; node: string; event: ApplyEvent}
	| {type: 'postflight'; health: ClusterHealth; settled: boolean}
	| {type: 'notice'; node?: string; line: string};

// A node whose step failed: what failed, the last lines of its output, and where its whole log is
// kept on this machine (log, absent when nothing was logged).
export type NodeFailure = {node: string; message: string; detail?: string[]; log?: string; tail?: string[]};
// What the screens answer for a failed node: the step again, go on without the node, or stop.
export type NodeDecision = 'retry' | 'skip' | 'quit';

export type ClusterOutcome = {ok: boolean; stopped?: boolean; failed: NodeFailure[]; skipped?: string[]; health?: ClusterHealth};
