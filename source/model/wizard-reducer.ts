// Every state transition of the setup wizard, as one pure reducer: the keys' actions on the mode
// shown, the quit question over it, and the end of a run.
import {resolveValues} from './answers.js';
import {stoppedExitCode} from './errors.js';
import type {Facts} from './facts.js';
import {applyFieldAction} from './field-input.js';
import {layoutLine} from './files.js';
import {movedFiles, movedFilesLines} from './layout-prediction.js';
import {buildPlan} from './plan.js';
import {findSetting} from './settings.js';
import {moveChoice, moveWithin} from './text-editing.js';
import {scrolledBy} from './scroll.js';
import {actionsToRun, skippedName} from './step-refusal.js';
import type {Page} from './wizard-pages.js';
import {acceptOverview, askedCount, canSkip, enterById, enterPage, fieldsMode, finishPage, isRunPage, leaveFields, startRun, submitField, summaryFiles} from './wizard-moves.js';
import {settingsPageId, summaryPageId} from './wizard-pages.js';
import {currentPage, fieldText, layoutPending, type PageMark, pagesOf, type WelcomeChoice, welcomeChoices, type WizardAction, type WizardMode, type WizardState} from './wizard-state.js';

function welcomeChoice(state: WizardState, pages: readonly Page[], choice: WelcomeChoice): WizardState {
	switch (choice) {
		case 'rehearse':
			return {...state, mode: {kind: 'welcome', offer: 'rehearsing', choice: 0}};
		case 'here':
			return {...state, mode: {kind: 'welcome', offer: state.resumeFrom ? 'resume' : 'ready', choice: 0}};
		case 'restart':
			return enterPage({...state, continueRun: false}, pages, 1);
		case 'resume': {
			const marks: Record<string, PageMark> = {...state.marks};
			for (const page of pages) if (page.step && state.earlierSteps.includes(page.step.id)) marks[page.id] = 'earlier';
			// The settings at a glance, then the summary, then the run from where it stopped
			// (startRun); a stopped preflight is run again first.
			const resumed = {...state, marks, continueRun: true};
			return state.resumeFrom === 'preflight' ? enterPage(resumed, pages, 1) : enterById(resumed, pages, settingsPageId);
		}
		case 'quit':
			return {...state, mode: {kind: 'exit', code: stoppedExitCode, reason: 'quit'}};
		case 'begin':
			return enterPage(state, pages, 1);
		case 'several':
			return {...state, mode: {kind: 'exit', code: 0, reason: 'several'}};
	}
}

// Quitting ends the wizard as its last page would (0, or 1 after a failure) only once the setup is
// done; before that the setup is left half done, which is a stop (130) whether or not a step was
// running at the moment y came: the same keys must not give another code by their timing.
const quitCode = (state: WizardState, under: WizardMode): number => (state.hadFailure || under.kind === 'failed' ? 1 : under.kind === 'done' ? 0 : stoppedExitCode);

// A page's run ended well. After the install the pages follow the layout the installed packages
// read; where that moves a file the summary showed, the files are shown first ('moved').
function runDone(state: WizardState, pages: readonly Page[], index: number, notice: string | undefined, facts: Facts | undefined, chain = true): WizardState {
	if (!facts) return finishPage(state, pages, index, notice, {chain});
	const installed: WizardState = {...state, facts, layoutFor: 'installed'};
	if (layoutLine(facts) === layoutLine(state.facts)) return finishPage(installed, pages, index, notice, {chain});
	const values = resolveValues(state.answers);
	const after = (steps: ReturnType<typeof buildPlan>['steps']) => steps.filter(step => step.id === 'overrides' || step.id === 'configuration' || step.id === 'start');
	const moved = movedFiles(after(buildPlan(values, state.facts).steps), after(buildPlan(values, facts).steps));
	if (moved.length === 0) return finishPage(installed, pages, index, notice, {chain});
	return {...installed, mode: {kind: 'moved', lines: movedFilesLines(facts, moved), ...(notice === undefined ? {} : {notice})}};
}

type Running = Extract<WizardMode, {kind: 'running'}>;
type Failed = Extract<WizardMode, {kind: 'failed'}>;

const running = (from: number, skipping: readonly number[] = []): Running => (skipping.length > 0 ? {kind: 'running', from, skipping: [...skipping]} : {kind: 'running', from});

// A run that failed: at the action that failed, or, where the step refused before it started, at
// the first action in the way (all of them can be skipped at once; the actions around them did not run).
function failedMode(page: Page, mode: Running, action: Extract<WizardAction, {type: 'run-ended'}>): Failed {
	const refused = action.refused && action.refused.length > 0 ? action.refused : undefined;
	const failed = refused?.[0] ?? action.failedIndex ?? mode.from;
	const canSkipAll = (refused ?? [failed]).every(at => canSkip(page, at));
	return {
		kind: 'failed',
		index: failed,
		message: action.message ?? 'the step failed',
		canSkip: canSkipAll,
		...(refused ? {refused: {from: mode.from, actions: refused}} : {}),
		...(mode.skipping ? {skipping: mode.skipping} : {}),
	};
}

// `s`: the action that failed is left out (or every action a refused step named), the rest of the
// page goes on, and what was left out is named on the page and at Done.
function skip(state: WizardState, pages: readonly Page[], index: number, mode: Failed): WizardState {
	const page = pages[index] as Page;
	const actions = page.step?.actions ?? [];
	const skipping = [...(mode.skipping ?? []), ...(mode.refused?.actions ?? [mode.index])];
	const named = skipping.flatMap(at => (actions[at] ? [skippedName(actions[at])] : []));
	const skipped: WizardState = {...state, skippedHere: true, hadFailure: true, skipped: {...state.skipped, [page.id]: named}};
	const from = mode.refused ? mode.refused.from : mode.index + 1;
	if (actionsToRun(actions.length, from, skipping).length === 0) return finishPage(skipped, pages, index);
	return {...skipped, mode: running(from, skipping)};
}

// The keys' actions on the mode under the quit question (or with none asked).
function onMode(state: WizardState, mode: WizardMode, action: WizardAction, pages: readonly Page[], index: number): WizardState {
	const page = pages[index] as Page;
	switch (action.type) {
		case 'accept':
			switch (mode.kind) {
				case 'welcome': {
					const choice = welcomeChoices[mode.offer][mode.choice];
					return choice ? welcomeChoice(state, pages, choice) : state;
				}
				case 'overview':
					return acceptOverview(state, pages, index, mode.cursor);
				case 'summary':
					// Not before the summary names the paths the source's packages read.
					return layoutPending(state) ? state : startRun({...state, notice: undefined}, pages);
				case 'moved':
					// Enter: the files shown are written, and the run goes on.
					return finishPage(state, pages, index, mode.notice);
				case 'finished':
					// Checked again for a changed role or source: on to the summary it came from.
					if (page.kind === 'checks' && state.recheck) return enterById({...state, recheck: undefined}, pages, summaryPageId);
					return enterPage(state, pages, index + 1);
				case 'done':
					return {...state, mode: {kind: 'exit', code: state.hadFailure ? 1 : 0, reason: 'finished'}};
				default:
					return state;
			}
		case 'back':
			switch (mode.kind) {
				case 'fields':
					return leaveFields(state, pages, index);
				case 'overview':
					return enterPage(state, pages, index - 1);
				case 'summary':
					return mode.open ? {...state, mode: {...mode, open: false, scroll: 0}} : enterById(state, pages, settingsPageId);
				case 'finished':
				case 'failed':
					if (page.kind === 'checks' && state.recheck) return enterById({...state, recheck: undefined}, pages, settingsPageId);
					// From the run, back to the summary, where the settings are one Esc away.
					return isRunPage(page) ? enterById(state, pages, summaryPageId) : enterPage(state, pages, index - 1);
				default:
					return state;
			}
		case 'field': {
			if (mode.kind !== 'fields') return state;
			const id = page.fields[mode.focus];
			const setting = id ? findSetting(id) : undefined;
			if (!id || !setting) return state;
			const field = applyFieldAction(setting, {text: fieldText(state, id), cursor: mode.cursor}, action.action);
			return {...state, drafts: {...state.drafts, [id]: field.text}, mode: {...mode, cursor: field.cursor, problems: []}};
		}
		case 'submit-field':
			return mode.kind === 'fields' ? submitField(state, pages, index, mode) : state;
		case 'focus-field': {
			if (mode.kind !== 'fields') return state;
			const focus = Math.min(Math.max(mode.focus + action.delta, 0), Math.max(page.fields.length - 1, 0));
			return focus === mode.focus ? state : {...state, mode: {...fieldsMode(state, page, focus), problems: mode.problems}};
		}
		case 'scroll':
			// The summary's open diff; a page's list of outcomes once it ran (the checks').
			if (mode.kind === 'summary' && mode.open) return {...state, mode: {...mode, scroll: scrolledBy(mode.scroll, action.delta, action.max)}};
			if (mode.kind === 'finished' || mode.kind === 'failed') return {...state, mode: {...mode, scroll: scrolledBy(mode.scroll ?? 0, action.delta, action.max)}};
			return state;
		case 'whole-files':
			return mode.kind === 'summary' && mode.open ? {...state, wholeFiles: !state.wholeFiles, mode: {...mode, scroll: 0}} : state;
		case 'open-file':
			return mode.kind === 'summary' && summaryFiles(state, pages).length > 0 ? {...state, mode: {...mode, open: !mode.open, scroll: 0}} : state;
		case 'choose': {
			if (mode.kind === 'overview') return {...state, mode: {...mode, cursor: moveWithin(mode.cursor, action.delta, askedCount(pages)), problems: []}};
			if (mode.kind === 'summary') {
				const count = summaryFiles(state, pages).length;
				return count === 0 ? state : {...state, mode: {...mode, cursor: moveWithin(mode.cursor, action.delta, count), open: false, scroll: 0}};
			}
			if (mode.kind !== 'welcome') return state;
			const count = welcomeChoices[mode.offer].length;
			return count === 0 ? state : {...state, mode: {...mode, choice: moveChoice(mode.choice, action.delta, count)}};
		}
		case 'rehearsal-failed':
			return mode.kind === 'welcome' ? {...state, mode: {kind: 'welcome', offer: 'rehearsal', choice: 0, notice: action.message}} : state;
		case 'run-ended':
			if (mode.kind !== 'running') return state;
			if (!action.ok) return {...state, mode: failedMode(page, mode, action)};
			return runDone(state, pages, index, action.notice, action.facts);
		case 'retry':
			// A refused step did not start: it is tried again from where that run started.
			return mode.kind === 'failed' ? {...state, mode: running(mode.refused?.from ?? mode.index, mode.skipping)} : state;
		case 'skip':
			return mode.kind === 'failed' && mode.canSkip ? skip(state, pages, index, mode) : state;
		default:
			return state;
	}
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
	const {mode} = state;
	if (mode.kind === 'exit') return state;
	// A prediction for the answers' source (an older one, or one after the install, is dropped).
	if (action.type === 'layout-predicted') {
		return state.layoutFor === 'installed' || layoutPending({...state, layoutFor: action.source}) ? state : {...state, facts: action.facts, layoutFor: action.source};
	}
	if (mode.kind === 'stopping') {
		// Only the end of the run that is being stopped moves on: then the wizard exits.
		if (action.type === 'run-ended') return {...state, mode: {kind: 'exit', code: stoppedExitCode, reason: 'stopped'}};
		return state;
	}
	if (mode.kind === 'quitting') {
		const {under} = mode;
		switch (action.type) {
			case 'quit':
			case 'stop-now':
				return under.kind === 'running' ? {...state, mode: {kind: 'stopping'}} : {...state, mode: {kind: 'exit', code: action.type === 'stop-now' ? stoppedExitCode : quitCode(state, under), reason: 'quit'}};
			case 'stay':
			case 'back':
				return {...state, mode: under};
			case 'run-ended': {
				// The run ended while the question was asked: the question stays, over what it led to
				// (a step done stays on its page: the next one starts only once the person stays).
				const next =
					action.ok && under.kind === 'running'
						? runDone(state, pagesOf(state), currentPage(state).index, action.notice, action.facts, false)
						: wizardReducer({...state, mode: under}, action);
				const after = next.mode;
				if (after.kind === 'quitting' || after.kind === 'stopping' || after.kind === 'exit') return next;
				return {...next, mode: {kind: 'quitting', under: after}};
			}
			default:
				return state;
		}
	}
	switch (action.type) {
		case 'ask-quit':
			return {...state, mode: {kind: 'quitting', under: mode}};
		case 'quit':
			return mode.kind === 'running' ? {...state, mode: {kind: 'stopping'}} : {...state, mode: {kind: 'exit', code: quitCode(state, mode), reason: 'quit'}};
		case 'stop-now':
			return mode.kind === 'running' ? {...state, mode: {kind: 'stopping'}} : {...state, mode: {kind: 'exit', code: stoppedExitCode, reason: 'quit'}};
		case 'stay':
			return state;
		default: {
			const pages = pagesOf(state);
			const {index} = currentPage(state, pages);
			return onMode(state, mode, action, pages, index);
		}
	}
}
