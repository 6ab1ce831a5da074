// What a page's run has done so far, folded from ApplyRun's events (all but output lines, which
// go to a LogBuffer): each action waiting, running or with its outcome, and its last probe.
import type {Action} from '../../../model/plan.js';
import type {ApplyEvent, OutcomeStatus, ProbeResult} from '../../../model/apply-events.js';
import type {ServiceState} from '../service-pane/ServicePane.js';

export type ActionState = 'waiting' | 'running' | OutcomeStatus;

export type ActionView = {action: Action; state: ActionState; message?: string; detail?: string[]; probe?: ProbeResult; probeTries: number};

export type RunView = {actions: ActionView[]};

// skipped: actions left out after a failure (a skip), shown as skipped rather than waiting.
export type RunViewAction = {type: 'begin'; actions: readonly Action[]; from: number; skipped?: readonly number[]} | {type: 'event'; event: ApplyEvent; offset: number};

export const emptyRunView: RunView = {actions: []};

const waiting = (action: Action): ActionView => ({action, state: 'waiting', probeTries: 0});

export function runViewReducer(view: RunView, change: RunViewAction): RunView {
	if (change.type === 'begin') {
		// A retry or a skip goes on from `from`: what happened before it stays on screen.
		const keep = view.actions.length === change.actions.length ? change.from : 0;
		const skipped = change.skipped ?? [];
		return {
			actions: change.actions.map((action, index) =>
				index < keep ? (view.actions[index] ?? waiting(action)) : skipped.includes(index) ? {...waiting(action), state: 'skipped', message: 'skipped after a failure'} : waiting(action),
			),
		};
	}
	const {event, offset} = change;
	const update = (index: number, patch: (old: ActionView) => ActionView): RunView => {
		const old = view.actions[index];
		if (!old) return view;
		const actions = [...view.actions];
		actions[index] = patch(old);
		return {actions};
	};
	switch (event.type) {
		case 'action-start':
			return update(offset + event.index, old => ({...old, state: 'running', probeTries: 0}));
		case 'probe': {
			const index = view.actions.findIndex(a => a.state === 'running' && a.action === event.action);
			return update(index, old => ({...old, probe: event.result, probeTries: old.probeTries + 1}));
		}
		case 'action-end':
			return update(offset + event.index, old => ({
				...old,
				state: event.outcome.status,
				message: event.outcome.message,
				...(event.outcome.detail ? {detail: event.outcome.detail} : {}),
			}));
		case 'notice':
		case 'step-start':
		case 'step-end':
		case 'output':
			return view;
	}
}

export function serviceState(view: ActionView): ServiceState {
	switch (view.state) {
		case 'waiting':
			return 'waiting';
		case 'running':
			return view.probeTries > 0 ? 'probing' : 'starting';
		case 'healthy':
		case 'unchanged':
		case 'passed':
		case 'ran':
			return 'healthy';
		case 'failed':
			return 'failed';
		default:
			return 'skipped';
	}
}

// How an outcome reads in a list: a mark and a word.
export const outcomeLook: Record<ActionState, {mark: string; color?: string; word: string}> = {
	waiting: {mark: '·', word: 'waiting'},
	running: {mark: '…', color: 'cyan', word: 'running'},
	wrote: {mark: '✔', color: 'green', word: 'wrote'},
	stopped: {mark: '■', color: 'yellow', word: 'stopped'},
	unchanged: {mark: '✔', color: 'green', word: 'unchanged'},
	skipped: {mark: '–', color: 'yellow', word: 'skipped'},
	ran: {mark: '✔', color: 'green', word: 'ran'},
	'would-run': {mark: '○', color: 'yellow', word: 'would run'},
	'would-write': {mark: '○', color: 'yellow', word: 'would write'},
	removed: {mark: '✔', color: 'green', word: 'removed'},
	'would-remove': {mark: '○', color: 'yellow', word: 'would remove'},
	passed: {mark: '✔', color: 'green', word: 'passed'},
	warned: {mark: '⚠', color: 'yellow', word: 'warning'},
	failed: {mark: '✖', color: 'red', word: 'failed'},
	healthy: {mark: '✔', color: 'green', word: 'healthy'},
};

// One line for the next page: what a file page did.
export function runNotice(view: RunView): string | undefined {
	const ended = view.actions.filter(a => a.state !== 'waiting' && a.state !== 'running');
	if (ended.length === 0) return undefined;
	return ended.map(a => `${outcomeLook[a.state].word} ${a.message ?? a.action.title}`).join('; ');
}

// The reason every message shares, in brackets at its end (a rehearsal's "(--root: system commands
// are not run)" on each service), taken off each so the screen says it once.
export function sharedReason(messages: readonly (string | undefined)[]): {reason?: string; messages: (string | undefined)[]} {
	const reasons = messages.map(message => (message ? /\s*\(([^()]+)\)$/.exec(message)?.[1] : undefined));
	const [first] = reasons;
	if (messages.length < 2 || first === undefined || reasons.some(reason => reason !== first)) return {messages: [...messages]};
	return {reason: first, messages: messages.map(message => message?.replace(/\s*\([^()]+\)$/, ''))};
}
