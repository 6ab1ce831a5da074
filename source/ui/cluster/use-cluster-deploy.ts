// Runs the deploy (over SSH or rehearsed, as given) once the screen shows, and folds what it reports:
// each node's output into a log buffer of its own (outside React, as LogPane wants), everything
// else into the deploy view. A failed node's question waits for answer() (one at a time, in the
// order they failed), a node's unknown host key for answerHostKey(), a node's moved files (its
// installed packages read another layout) for answerMoved(); stop() aborts the run (its steps are
// recorded as stopped, nothing after them runs) and refuses a host key or moved files being asked.
// Each node's planned layout and files start its log.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {ClusterEvent, ClusterOutcome, HostKeyDecision, NodeDecision, NodeFailure, NodeMoved, UnknownHostKey} from '../../model/cluster-events.js';
import {deployReducer, type DeployView, deployView} from '../../model/cluster-deploy-view.js';
import {type ClusterNode, roleServices} from '../../model/cluster.js';
import {errorWithDetail} from '../../model/errors.js';
import {LogBuffer} from '../components/log-pane/log-buffer.js';
import {type SyncReducer, useSyncReducer} from '../hooks/use-sync-reducer.js';

export type DeployOptions = {
	onEvent: (event: ClusterEvent) => void;
	signal: AbortSignal;
	onNodeFailed: (failure: NodeFailure) => Promise<NodeDecision>;
	onUnknownHostKey: (question: UnknownHostKey) => Promise<HostKeyDecision>;
	onLayoutMoved: (moved: NodeMoved) => Promise<boolean>;
};
export type RunDeploy = (options: DeployOptions) => Promise<ClusterOutcome>;

export type ClusterDeploy = {view: DeployView; screen: SyncReducer<DeployView, Parameters<typeof deployReducer>[1]>; buffers: ReadonlyMap<string, LogBuffer>; answer(decision: NodeDecision): void; answerHostKey(decision: HostKeyDecision): void; answerMoved(goOn: boolean): void; stop(): void};

// Questions asked one at a time in the order they came (nodes work in parallel): the first is shown,
// and answering it shows the next. `show` and `hide` tell the screen.
// Once closed (the deploy is ending), a question asked later is answered at once with the same answer.
function questionQueue<Q, A>(show: (question: Q) => void, hide: () => void) {
	const waiting: {question: Q; resolve: (answer: A) => void}[] = [];
	let closedWith: {answer: A} | undefined;
	const answer = (given: A): void => {
		const first = waiting.shift();
		if (!first) return;
		hide();
		const next = waiting[0];
		if (next) show(next.question);
		first.resolve(given);
	};
	return {
		ask: (question: Q): Promise<A> =>
			new Promise(resolve => {
				if (closedWith) return resolve(closedWith.answer);
				waiting.push({question, resolve});
				if (waiting.length === 1) show(question);
			}),
		answer,
		close(given: A): void {
			closedWith = {answer: given};
			while (waiting.length > 0) answer(given);
		},
	};
}

const mark = {wrote: '✔', ran: '✔', healthy: '✔', passed: '✔', unchanged: '·', skipped: '·', 'would-run': '·', 'would-write': '·', removed: '✔', 'would-remove': '·', warned: '!', failed: '✖', stopped: '■'} as const;

export function useClusterDeploy(nodes: readonly ClusterNode[], run: RunDeploy): ClusterDeploy {
	const [view, screen] = useSyncReducer(deployReducer, deployView(nodes, node => roleServices(node.role)));
	const [buffers] = useState(() => new Map(nodes.map(node => [node.name, new LogBuffer(200)])));
	const [controller] = useState(() => new AbortController());
	// The run given first: the deploy starts once, however often the screen renders.
	const [start] = useState(() => run);
	// Failed nodes waiting for r, s or q (nodes of a stage fail in parallel).
	const [failures] = useState(() => questionQueue<NodeFailure, NodeDecision>(failure => screen.dispatch({type: 'asking', failure}), () => screen.dispatch({type: 'answered'})));
	// The host key shown, waiting for accept or refuse (the use case asks one node at a time).
	const hostKey = useRef<((decision: HostKeyDecision) => void) | undefined>(undefined);
	// Nodes whose moved files wait for Enter or q (nodes install in parallel).
	const [movedFiles] = useState(() => questionQueue<NodeMoved, boolean>(moved => screen.dispatch({type: 'moved', moved}), () => screen.dispatch({type: 'moved-answered'})));
	useEffect(() => {
		const onEvent = (event: ClusterEvent): void => {
			if (event.type === 'node') {
				const buffer = buffers.get(event.node);
				const inner = event.event;
				if (inner.type === 'output') buffer?.push(inner.line, inner.stream);
				else if (inner.type === 'action-start') buffer?.push(`▸ ${inner.action.title}`);
				else if (inner.type === 'action-end') buffer?.push(`${mark[inner.outcome.status]} ${inner.outcome.message}`, inner.outcome.status === 'failed' ? 'stderr' : 'stdout');
				else if (inner.type === 'notice') buffer?.push(inner.line);
			} else if (event.type === 'planned') for (const line of event.lines) buffers.get(event.node)?.push(line);
			screen.dispatch({type: 'event', event});
		};
		const onUnknownHostKey = (question: UnknownHostKey): Promise<HostKeyDecision> =>
			new Promise(resolve => {
				hostKey.current = resolve;
				screen.dispatch({type: 'host-key', question});
			});
		start({onEvent, signal: controller.signal, onNodeFailed: failures.ask, onUnknownHostKey, onLayoutMoved: movedFiles.ask}).then(
			outcome => {
				for (const buffer of buffers.values()) buffer.flush();
				screen.dispatch({type: 'ended', outcome});
			},
			// A node not reached (an unknown host key with its fingerprints), a busy node: said with every line of why.
			(error: unknown) => screen.dispatch({type: 'error', message: errorWithDetail(error)}),
		);
		return () => controller.abort();
	}, [start, buffers, controller, screen, failures, movedFiles]);
	const answerHostKey = useCallback(
		(decision: HostKeyDecision) => {
			const resolve = hostKey.current;
			if (!resolve) return;
			hostKey.current = undefined;
			screen.dispatch({type: 'host-key-answered'});
			resolve(decision);
		},
		[screen],
	);
	const stop = useCallback(() => {
		screen.dispatch({type: 'stopping'});
		controller.abort();
		failures.close('quit');
		movedFiles.close(false);
		answerHostKey('refuse');
	}, [screen, controller, failures, movedFiles, answerHostKey]);
	// q at any question ends the deploy: no question of another node is left to say it goes on.
	const quitAll = useCallback(() => {
		failures.close('quit');
		movedFiles.close(false);
	}, [failures, movedFiles]);
	const answer = useCallback((decision: NodeDecision) => (decision === 'quit' ? quitAll() : failures.answer(decision)), [quitAll, failures]);
	const answerMoved = useCallback((goOn: boolean) => (goOn ? movedFiles.answer(true) : quitAll()), [quitAll, movedFiles]);
	return {view, screen, buffers, answer, answerHostKey, answerMoved, stop};
}
