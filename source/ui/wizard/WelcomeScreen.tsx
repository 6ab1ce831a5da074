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
import {wrapRows} from '../components/wrapped-text/text-rows.js';
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

const rehearsalLine = 'A rehearsal walks the whole setup in a sandbox folder (./mesos-rehearsal): files are written there, system commands are shown but not run.';

type Line = {text: string; dimColor?: boolean; color?: string};

// The lines about this machine that fit in `rows`, whole, and how many give way. What the welcome
// asks is never cut: at 60×15 its choices were below the window while ↓ moved their cursor.
function machineLinesFitting(lines: readonly Line[], rows: number, width: number): {shown: Line[]; hidden: number} {
	const heights = lines.map(line => wrapRows(line.text, width).length);
	if (heights.reduce((sum, each) => sum + each, 0) <= rows) return {shown: [...lines], hidden: 0};
	// One row says how many lines give way.
	let used = 1;
	const shown = lines.filter((_, index) => (used += heights[index] ?? 0) <= rows);
	return {shown, hidden: lines.length - shown.length};
}

export function WelcomeScreen({state, pages, width, height}: ScreenProps) {
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
	const title = 'Set up Apache Mesos, Marathon and ZooKeeper on this machine, step by step.';
	const intro = 'First the checks and the questions; then one summary of every command it will run and every file it will change; nothing changes until you start the run there.';
	const question = 'This machine or several machines? Press Enter to begin with this machine’s preflight checks (they only look).';
	const leftOut = state.leftOutBefore ? ` It left out ${state.leftOutBefore.join(', ')} (skipped after a failure), so continuing carries out “${resumeTitle}” again.` : '';
	const resumed = `A setup here stopped at “${resumeTitle}”. Its answers are kept.${leftOut}`;
	const machine: Line[] = [
		...welcomeLines(system.facts, resolveValues(state.answers), system.sandbox).map(text => ({text})),
		{text: installedLine(system.facts), dimColor: true},
		...system.facts.notes.map(text => ({text, dimColor: true})),
		...(note ? [{text: note, color: 'yellow'}] : []),
	];
	// Every row but the machine's lines: the title and intro, the offer, its choices, the two margins.
	const asked = [
		title,
		intro,
		...(offer === 'rehearsal' ? [whyRehearse(system.facts), rehearsalLine] : []),
		...(offer === 'rehearsing' ? ['⠋ Preparing the rehearsal…'] : []),
		...(offer === 'resume' ? [resumed] : []),
		...choices.map(choice => `❯ ${choice.label}`),
		...(offer === 'ready' ? [question] : []),
		...(welcome?.notice ? [welcome.notice] : []),
	].reduce((sum, text) => sum + wrapRows(text, width).length, 2);
	const fitting = machineLinesFitting(machine, height - asked, width);
	return (
		<Box flexDirection="column">
			<Text bold>{title}</Text>
			<WrappedText text={intro} width={width} />
			<Box marginTop={1} flexDirection="column">
				{fitting.shown.map(line => (
					<WrappedText key={line.text} text={line.text} width={width} {...(line.dimColor ? {dimColor: true} : {})} {...(line.color ? {color: line.color} : {})} />
				))}
				{fitting.hidden > 0 ? <Text dimColor wrap="truncate-end">{`… ${fitting.hidden} more line${fitting.hidden === 1 ? '' : 's'} about this machine in a taller window`}</Text> : null}
			</Box>
			<Box marginTop={1} flexDirection="column">
				{offer === 'rehearsal' ? (
					<>
						<WrappedText text={whyRehearse(system.facts)} width={width} color="yellow" />
						<WrappedText text={rehearsalLine} width={width} />
					</>
				) : null}
				{offer === 'rehearsing' ? (
					<Text>
						<Spinner type="dots" /> Preparing the rehearsal…
					</Text>
				) : null}
				{offer === 'resume' ? <WrappedText text={resumed} width={width} color="yellow" /> : null}
				{choices.length > 0 && welcome ? <ChoiceList items={choices} selected={welcome.choice} /> : null}
				{offer === 'ready' ? <WrappedText text={question} width={width} /> : null}
				{welcome?.notice ? <WrappedText text={welcome.notice} width={width} color="red" /> : null}
			</Box>
		</Box>
	);
}
