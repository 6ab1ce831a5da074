// What the deploy screen shows, folded from the cluster use cases' events: the stage under way, and
// per node its state, the step and action it is at, its services' health, and whether a failed node
// waits for the person's answer (retry, skip, quit). Output lines are not kept here: the screen
// streams them into a log buffer per node. Pure.
import type {ClusterHealth} from './cluster-health.js';
import type {ClusterNode} from './cluster.js';
import type {ClusterEvent, ClusterOutcome, NodeFailure, NodeMoved, UnknownHostKey} from './cluster-events.js';
import {plural} from './change-summary.js';
import type {ServiceName} from './services.js';

export type NodeRunState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped' | 'stopped';
export type ServiceHealth = {state: 'waiting' | 'starting' | 'probing' | 'healthy' | 'failed' | 'skipped'; detail?: string};

export type NodePaneView = {
	node: ClusterNode;
	state: NodeRunState;
	step?: string;
	action?: string;
	services: Partial<Record<ServiceName, ServiceHealth>>;
};

export type DeployView = {
	stage?: string;
	nodes: NodePaneView[];
	notices: string[];
	// A failed node waiting for retry, skip or quit.
	asking?: NodeFailure;
	// A node whose SSH host key is unknown, its keys shown for the person to accept or refuse.
	hostKey?: UnknownHostKey;
	// A node whose installed packages read another layout: the files it writes instead, before any
	// is written (Enter goes on, q stops the deploy).
	moved?: NodeMoved;
	// q or Ctrl+C: the run is being stopped.
	stopping: boolean;
	postflight?: {health: ClusterHealth; settled: boolean};
	outcome?: ClusterOutcome;
	error?: string;
};

export type DeployAction =
	| {type: 'event'; event: ClusterEvent}
	| {type: 'asking'; failure: NodeFailure}
	| {type: 'answered'}
	| {type: 'host-key'; question: UnknownHostKey}
	| {type: 'host-key-answered'}
	| {type: 'moved'; moved: NodeMoved}
	| {type: 'moved-answered'}
	| {type: 'stopping'}
	| {type: 'ended'; outcome: ClusterOutcome}
	| {type: 'error'; message: string};

export function deployView(nodes: readonly ClusterNode[], services: (node: ClusterNode) => readonly ServiceName[]): DeployView {
	return {
		nodes: nodes.map(node => ({node, state: 'waiting', services: Object.fromEntries(services(node).map(service => [service, {state: 'waiting'}]))})),
		notices: [],
		stopping: false,
	};
}

const withNode = (view: DeployView, name: string, change: (pane: NodePaneView) => NodePaneView): DeployView => ({
	...view,
	nodes: view.nodes.map(pane => (pane.node.name === name ? change(pane) : pane)),
});

function nodeEvent(view: DeployView, name: string, event: Extract<ClusterEvent, {type: 'node'}>['event']): DeployView {
	switch (event.type) {
		case 'step-start':
			return withNode(view, name, pane => ({...pane, state: 'running', step: event.step.title}));
		case 'action-start':
			return withNode(view, name, pane => {
				const {action} = event;
				const services = action.kind === 'service' ? {...pane.services, [action.service]: {state: 'starting'} satisfies ServiceHealth} : pane.services;
				return {...pane, state: 'running', action: action.title, services};
			});
		case 'probe':
			return withNode(view, name, pane => (event.action.kind === 'service' ? {...pane, services: {...pane.services, [event.action.service]: {state: 'probing', detail: event.result.detail}}} : pane));
		case 'action-end':
			return withNode(view, name, pane => {
				if (event.action.kind !== 'service') return pane;
				const {status, message} = event.outcome;
				const state: ServiceHealth['state'] = status === 'healthy' || status === 'ran' || status === 'would-run' ? 'healthy' : status === 'skipped' ? 'skipped' : 'failed';
				return {...pane, services: {...pane.services, [event.action.service]: {state, detail: message}}};
			});
		case 'step-end':
			return withNode(view, name, pane => ({...pane, state: event.stopped ? 'stopped' : event.ok ? pane.state : 'failed', action: undefined}));
		case 'notice':
		case 'output':
			return view;
	}
}

export function deployReducer(view: DeployView, action: DeployAction): DeployView {
	switch (action.type) {
		case 'event': {
			const {event} = action;
			switch (event.type) {
				case 'stage-start':
					return {...view, stage: event.stage.title};
				case 'stage-end': {
					if (!event.ok) return view;
					// A node in no later stage is done once its last stage ended well.
					const inStage = new Set(event.stage.parts.map(part => part.node.name));
					return {...view, nodes: view.nodes.map(pane => (inStage.has(pane.node.name) && pane.state === 'running' ? {...pane, state: 'done'} : pane))};
				}
				case 'node':
					return nodeEvent(view, event.node, event.event);
				case 'notice': {
					const line = event.node ? `${event.node}: ${event.line}` : event.line;
					const skipped = event.node && event.line.startsWith('Skipped:') ? event.node : undefined;
					const next = skipped ? withNode(view, skipped, pane => ({...pane, state: 'skipped'})) : view;
					return {...next, notices: [...next.notices, line].slice(-5)};
				}
				case 'postflight':
					return {...view, stage: 'Postflight', postflight: {health: event.health, settled: event.settled}};
			}
			return view;
		}
		case 'asking':
			return {...withNode(view, action.failure.node, pane => ({...pane, state: 'failed'})), asking: action.failure};
		case 'answered': {
			const {asking, ...rest} = view;
			return asking ? withNode(rest, asking.node, pane => ({...pane, state: 'running'})) : view;
		}
		case 'host-key':
			return {...view, hostKey: action.question};
		case 'host-key-answered': {
			const {hostKey: _hostKey, ...rest} = view;
			return rest;
		}
		case 'moved':
			return {...view, moved: action.moved};
		case 'moved-answered': {
			const {moved: _moved, ...rest} = view;
			return rest;
		}
		case 'stopping':
			return {...view, stopping: true};
		case 'ended': {
			const failed = new Set(action.outcome.failed.map(failure => failure.node));
			const nodes = view.nodes.map((pane): NodePaneView => {
				if (failed.has(pane.node.name)) return {...pane, state: 'failed'};
				if (pane.state === 'skipped' || pane.state === 'failed') return pane;
				if (action.outcome.ok) return {...pane, state: 'done'};
				// Stopped, or ended by another node's failure: what was under way did not finish.
				return pane.state === 'running' ? {...pane, state: 'stopped'} : pane;
			});
			const {asking: _asking, ...rest} = view;
			return {...rest, nodes, outcome: action.outcome};
		}
		case 'error':
			return {...view, error: action.message};
	}
}

// How a deploy that proved the cluster ends, on the screen and in plain output alike.
export const clusterProven = (nodes: number): string => `${plural(nodes, 'node')} set up and the cluster proven`;

// How a rehearsal ends: where every node's files are, or (a dry run) that none was written and what
// would write them (`again`: the same command without --dry-run).
export const rehearsalDone = (root: string, dryRun: boolean, again: string): string =>
	dryRun ? `Dry run: nothing was written; ${again} would write every node's files under ${root}/NAME.` : `Done: every node's files are under ${root}/NAME; nothing went over SSH.`;
