// What a screen says before anything happens: the commands a step will run, the files it will
// change and the checks it will make, read from the plan's actions (the same ones ApplyRun
// carries out), so what is shown is what is done.
import type {Action, Probe} from './plan.js';
import {keyFetchArgv} from './plan/key.js';
import {shellQuote} from './script.js';

export type PreviewLine = {kind: 'command' | 'file' | 'check' | 'probe'; text: string};

const shown = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

export function describeProbe(probe: Probe): string {
	if (probe.kind === 'zookeeper') return `ZooKeeper on ${probe.host}:${probe.port} answers srvr with Mode: standalone, leader or follower`;
	return `${probe.url} answers${probe.expect === 'pong' ? ' pong' : ' 200 OK'}`;
}

export function previewAction(action: Action): PreviewLine[] {
	switch (action.kind) {
		case 'check':
			return [{kind: 'check', text: action.title}];
		case 'import-key': {
			// As import-key.ts does it: a throwaway GNUPGHOME, the fingerprint checked before trust.
			const lines: PreviewLine[] = [
				...keyFetchArgv(action).map((argv): PreviewLine => ({kind: 'command', text: shown(argv)})),
				{kind: 'command', text: shown(['gpg', '--batch', '--with-colons', '--fingerprint'])},
			];
			if (action.fingerprint === '') {
				lines.push({kind: 'check', text: 'the key is not pinned: its fingerprint and user ids are shown and nothing is trusted; pin it with repo.fingerprint'});
				return lines;
			}
			lines.push(
				{kind: 'check', text: `the key's full fingerprint is ${action.fingerprint}, or nothing is trusted`},
				{kind: 'command', text: shown(['gpg', '--batch', '--export', action.fingerprint])},
			);
			if (action.method === 'apt-key') lines.push({kind: 'command', text: 'apt-key add -   (the checked key, on its input)'});
			else lines.push({kind: 'file', text: action.keyring});
			return lines;
		}
		case 'run': {
			const env = Object.entries(action.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)} `);
			return [{kind: 'command', text: `${env.join('')}${shown(action.argv)}`}];
		}
		case 'file':
			return [{kind: 'file', text: action.path}];
		case 'local-repository':
			return [
				{kind: 'file', text: `${action.path}/ (a copy of every .deb file in ${action.folder})`},
				{kind: 'command', text: `apt-ftparchive packages .   (in ${action.path}, into ${action.path}/Packages)`},
			];
		case 'service':
			return [
				{kind: 'command', text: shown(action.argv)},
				{kind: 'probe', text: `then wait up to ${Math.round(action.deadlineMs / 1000)} s until ${describeProbe(action.probe)}`},
			];
	}
}

export const previewActions = (actions: readonly Action[]): PreviewLine[] => actions.flatMap(previewAction);

// How the system's mode changes what happens, in one sentence, or undefined on a real run.
export function modeNote(mode: {sandbox: boolean; dryRun: boolean; root: string}): string | undefined {
	if (mode.dryRun) return 'Dry run: nothing is run and nothing is written; each line says what would happen.';
	if (mode.sandbox) return `Rehearsal in ${mode.root}: files are written under it; system commands are shown, not run.`;
	return undefined;
}

// What status probes in a sandbox: the addresses the settings name, on this machine.
export const sandboxProbes = "this machine's real addresses: a sandbox has no services of its own";
