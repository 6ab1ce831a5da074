// The first screen: what this machine is, what mode this run is in, and the offers that come
// before anything else: a rehearsal when a real setup cannot work here, or continuing a run that
// was stopped.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import {modeNote} from '../../model/action-preview.js';
import {resolveValues} from '../../model/answers.js';
import type {Facts} from '../../model/facts.js';
import {welcomeLines} from '../../model/welcome-lines.js';
import {type WelcomeChoice, welcomeChoices} from '../../model/wizard-state.js';
import {ChoiceList} from '../components/choice-list/ChoiceList.js';
import {WrappedText} from '../components/wrapped-text/WrappedText.js';
import {useSystem} from '../hooks/use-system.js';
import type {ScreenProps} from './screen-props.js';

function installedLine(facts: Facts): string {
	const found = Object.entries(facts.versions).map(([name, version]) => `${name} ${version}`);
	return found.length > 0 ? `Installed already: ${found.join(', ')}` : 'None of ZooKeeper, Mesos or Marathon is installed yet.';
}

function whyRehearse(facts: Facts): string {
	const reasons = [!facts.isRoot ? 'this program is not running as root' : '', !facts.hasApt ? 'this is not a Debian-family system with apt' : ''].filter(Boolean);
	return `A real setup cannot work here: ${reasons.join(' and ')}.`;
}

export function WelcomeScreen({state, pages, width}: ScreenProps) {
	const system = useSystem();
	const note = modeNote(system);
	const {mode} = state;
	const welcome = mode.kind === 'welcome' ? mode : mode.kind === 'quitting' && mode.under.kind === 'welcome' ? mode.under : undefined;
	const resumeTitle = pages.find(page => page.step?.id === state.resumeFrom)?.step?.title ?? state.resumeFrom;
	const labels: Record<WelcomeChoice, string> = {
		rehearse: 'Rehearse in a sandbox (./mesos-rehearsal)',
		here: 'Continue on this machine anyway (the preflight shows what it lacks)',
		resume: `Continue from “${resumeTitle}” with the earlier answers`,
		restart: 'Start from the beginning',
		quit: 'Quit',
		begin: 'This machine',
		several: 'Several machines: list them, set up over SSH from here',
	};
	const offer = welcome?.offer;
	const choices = offer ? welcomeChoices[offer].map(value => ({value, label: labels[value]})) : [];
	return (
		<Box flexDirection="column">
			<Text bold>Set up Apache Mesos, Marathon and ZooKeeper on this machine, step by step.</Text>
			<WrappedText text="First the checks and the questions; then one summary of every command it will run and every file it will change; nothing changes until you start the run there." width={width} />
			<Box marginTop={1} flexDirection="column">
				{welcomeLines(system.facts, resolveValues(state.answers), system.sandbox).map(line => (
					<WrappedText key={line} text={line} width={width} />
				))}
				<Text dimColor>{installedLine(system.facts)}</Text>
				{system.facts.notes.map(line => (
					<WrappedText key={line} text={line} width={width} dimColor />
				))}
				{note ? <WrappedText text={note} width={width} color="yellow" /> : null}
			</Box>
			<Box marginTop={1} flexDirection="column">
				{offer === 'rehearsal' ? (
					<>
						<WrappedText text={whyRehearse(system.facts)} width={width} color="yellow" />
						<WrappedText text="A rehearsal walks the whole setup in a sandbox folder (./mesos-rehearsal): files are written there, system commands are shown but not run." width={width} />
					</>
				) : null}
				{offer === 'rehearsing' ? (
					<Text>
						<Spinner type="dots" /> Preparing the rehearsal…
					</Text>
				) : null}
				{offer === 'resume' ? <Text color="yellow">A setup here stopped at “{resumeTitle}”. Its answers are kept.</Text> : null}
				{choices.length > 0 && welcome ? <ChoiceList items={choices} selected={welcome.choice} /> : null}
				{offer === 'ready' ? <WrappedText text="This machine or several machines? Press Enter to begin with this machine’s preflight checks (they only look)." width={width} /> : null}
				{welcome?.notice ? <Text color="red">{welcome.notice}</Text> : null}
			</Box>
		</Box>
	);
}
