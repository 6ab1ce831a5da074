// What a page's values bring that is worth a warning before its file is written: a command they
// need that is not installed (docker for the docker containerizer), and a rule across settings
// whose other half is asked on a later page.
import {Box} from 'ink';
import React, {useMemo} from 'react';
import {commandsNeededBy, laterProblems} from '../../model/wizard-problems.js';
import type {WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useInstalledCommands} from './use-installed-commands.js';

type Props = {state: WizardState; pages: readonly Page[]; page: Page; width: number};

export function PageWarnings({state, pages, page, width}: Props) {
	const index = pages.findIndex(p => p.id === page.id);
	// Worked out again only when what they read changes, not on every key of the page.
	const {answers, drafts, facts} = state;
	const needed = useMemo(() => commandsNeededBy({answers, drafts, facts}, page), [answers, drafts, facts, page]);
	const later = useMemo(() => laterProblems({answers, drafts}, pages, index), [answers, drafts, pages, index]);
	const installed = useInstalledCommands(needed.map(check => check.name));
	const lines: string[] = [];
	for (const check of needed) {
		const answer = installed.get(check.name);
		if (answer && 'error' in answer) lines.push(`Could not tell whether ${check.name} is installed (${answer.error}), but ${check.why}.`);
		else if (answer && !answer.installed) {
			lines.push(`${check.name} is not installed on this machine, but ${check.why}: install ${check.name} before the services start, or choose a value without it.`);
		}
	}
	for (const {problem, mendOn} of later) {
		lines.push(`${problem.text} ${mendOn.title} asks it later and will not go on until they agree.`);
	}
	if (lines.length === 0) return null;
	return (
		<Box flexDirection="column">
			{lines.map(line => (
				<WrappedText key={line} text={`⚠ ${line}`} width={width} indent="  " color="yellow" />
			))}
		</Box>
	);
}
