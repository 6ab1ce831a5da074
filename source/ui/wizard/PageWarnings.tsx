// What a page's values bring that is worth a warning before the summary: a command they need that
// is not installed (apt-ftparchive for a folder source; Docker needs none: the install step adds it). Rules across settings need no warning
// here: the settings they tie are asked on one page (wizard-pages.ts), which says them itself.
import {Box} from 'ink';
import React, {useMemo} from 'react';
import {commandsNeededBy} from '../../model/wizard-problems.js';
import type {WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useInstalledCommands} from './use-installed-commands.js';

type Props = {state: WizardState; page: Page; width: number};

export function PageWarnings({state, page, width}: Props) {
	// Worked out again only when what they read changes, not on every key of the page.
	const {answers, drafts, facts} = state;
	const needed = useMemo(() => commandsNeededBy({answers, drafts, facts}, page), [answers, drafts, facts, page]);
	const installed = useInstalledCommands(needed.map(check => check.name));
	const lines: string[] = [];
	for (const check of needed) {
		const answer = installed.get(check.name);
		if (answer && 'error' in answer) lines.push(`Could not tell whether ${check.name} is installed (${answer.error}), but ${check.why}.`);
		else if (answer && !answer.installed) {
			lines.push(`${check.name} is not installed on this machine, but ${check.why}: install ${check.name} before the services start, or choose a value without it.`);
		}
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
