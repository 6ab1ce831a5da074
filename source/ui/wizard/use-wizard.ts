// The wizard's state and its effects: the reducer (source/model/wizard-state.ts), the page runner,
// the rehearsal offer, the saved answers, the end of the run and the exit code.
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {Answers} from '../../model/answers.js';
import {errorMessage} from '../../model/errors.js';
import {currentPage, initialWizardState, pagesOf, wizardReducer} from '../../model/wizard-state.js';
import {useSystem} from '../system-context.js';
import {useStepRunner} from './use-step-runner.js';

export type WizardOptions = {
	answers: Answers;
	// Switches to a sandbox System; undefined when the command line cannot offer one.
	rehearse?: () => Promise<void>;
	// Opened from the home menu: back to it from the welcome (Esc or q).
	onBack?: () => void;
	onExit: (code: number) => void;
};

export function useWizard({answers, rehearse, onExit}: WizardOptions) {
	const system = useSystem();
	const [state, dispatch] = useReducer(wizardReducer, undefined, () =>
		initialWizardState({facts: system.facts, answers, sandbox: system.sandbox, progress: system.state.progress()}),
	);
	const pages = useMemo(() => pagesOf(state), [state.answers, state.facts]);
	const {page, index} = currentPage(state, pages);
	const runner = useStepRunner(system, state, page, dispatch);

	// Answers are kept as soon as a page accepts them, so a killed run resumes with them.
	useEffect(() => {
		system.state.saveAnswers(state.answers);
	}, [system, state.answers]);

	useEffect(() => {
		if (state.welcome !== 'rehearsing') return;
		if (!rehearse) {
			dispatch({type: 'rehearsal-failed', message: 'A rehearsal cannot be started from here: run mesos-setup --root ./mesos-rehearsal instead.'});
			return;
		}
		rehearse().catch((error: unknown) => dispatch({type: 'rehearsal-failed', message: `The rehearsal could not start: ${errorMessage(error)}`}));
	}, [state.welcome, rehearse]);

	// Reaching the end marks the setup finished, so the next start offers the menu.
	const finished = useRef(false);
	useEffect(() => {
		if (page.kind !== 'done' || finished.current) return;
		finished.current = true;
		// Not marked finished (a full disk) only means the next setup continues this run's journal.
		void runner.run?.finish().catch(() => undefined);
	}, [page.kind, runner.run]);

	useEffect(() => {
		if (state.exitCode !== undefined) onExit(state.exitCode);
	}, [state.exitCode, onExit]);

	return {state, dispatch, pages, page, index, ...runner};
}
