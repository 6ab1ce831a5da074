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
	| {type: 'notice'; node?: string; line: string}
	// Before the deploy changes anything: where a node's files go (its predicted layout, and where
	// that came from) and every file it will write.
	| {type: 'planned'; node: string; lines: string[]};

// A node whose installed packages read another layout than its plan showed: the files it writes
// instead (model/layout-prediction.ts movedFilesLines), asked about before any of them is written.
export type NodeMoved = {node: string; lines: string[]};

// A node whose step failed: what failed (step: its title), the last lines of its output, and where
// its whole log is kept on this machine (log, absent when nothing was logged). A failure of the
// stage as a whole (the preflight's clocks) names the nodes it is about and no step.
export type NodeFailure = {node: string; message: string; step?: string; detail?: string[]; log?: string; tail?: string[]};
// What the screens answer for a failed node: the step again, go on without the node, or stop.
export type NodeDecision = 'retry' | 'skip' | 'quit';

// A node whose SSH host key this machine does not know: its keys as ssh fetched them without
// logging in (type and SHA256 fingerprint each), for a person to compare with the machine's own
// (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub there). Only the screens ask; --yes refuses.
export type HostKey = {type: string; fingerprint: string};
export type UnknownHostKey = {node: string; address: string; keys: HostKey[]};
// accept: the keys shown are added to this person's known_hosts and the deploy goes on; refuse: it
// stops before any node changes.
export type HostKeyDecision = 'accept' | 'refuse';

// What this run did on one node (its ApplyRun's summary, taken before the run is finished): whether
// it changed anything there, how many files, and where their old copies are kept (backupsDir: only
// when it changed a file, and only then does `cluster undo` put back this run there rather than an
// earlier one).
export type NodeRun = {node: string; recorded: boolean; changedFiles: number; backupsDir?: string};

// A node whose run could not be marked finished after every stage ran there (its connection
// dropped at the end), and why.
export type Unfinished = {node: string; message: string};

// nodes: every node's run, in the file's order (empty when no run started: nothing was changed).
// postflightStopped: every stage ran on every node and a stop cut only the postflight short.
// unfinished: every stage ran, but these nodes' runs could not be marked finished.
export type ClusterOutcome = {ok: boolean; stopped?: boolean; postflightStopped?: boolean; failed: NodeFailure[]; skipped?: string[]; health?: ClusterHealth; nodes: NodeRun[]; unfinished?: Unfinished[]};
