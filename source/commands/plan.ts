// `mesos-setup plan`: every command and every file's full content, nothing changed.
// `--script`: the same plan as a bash script to run by hand.
import type {Answers} from '../model/answers.js';
import {newContent} from '../model/file-content.js';
import {type Action, keyFetchArgv} from '../model/plan.js';
import {renderScript, shellQuote} from '../model/script.js';
import {probeCommandForScript} from '../model/probe-commands.js';
import type {System} from '../system/system.js';
import {describeSystem} from './describe-system.js';
import {planSetup} from '../use-cases/plan-setup.js';
import type {Output} from './output.js';

const argvText = (argv: readonly string[]): string => argv.map(shellQuote).join(' ');

// `read`: what a file holds now (undefined: absent), to say whether it is new, changed or unchanged.
export async function describeAction(action: Action, read: (path: string) => Promise<string | undefined>): Promise<string[]> {
	switch (action.kind) {
		case 'check':
			return [`check  ${action.title}`];
		case 'import-key': {
			const fetch = keyFetchArgv(action);
			if (action.fingerprint === '') {
				return [...fetch.map(argv => `run    ${argvText(argv)}   (in a throwaway GNUPGHOME)`), 'stop   the key is not pinned: its fingerprint and user ids are shown, nothing is trusted until repo.fingerprint names it'];
			}
			return [
				...fetch.map(argv => `run    ${argvText(argv)}   (in a throwaway GNUPGHOME)`),
				`check  the key has the full fingerprint ${action.fingerprint}; otherwise nothing is trusted`,
				action.method === 'apt-key' ? 'run    apt-key add -   (the exported key)' : `write  ${action.keyring}   (the exported key, for signed-by)`,
			];
		}
		case 'local-repository':
			return [`copy   ${action.folder}/*.deb to ${action.path}`, `run    apt-ftparchive packages .   (in ${action.path}, written to ${action.path}/Packages)`];
		case 'run':
			return [`run    ${action.env ? `${Object.entries(action.env).map(([k, v]) => `${k}=${v}`).join(' ')} ` : ''}${argvText(action.argv)}`];
		case 'file': {
			const old = await read(action.path);
			const content = newContent(action.edit, old);
			const state = old === undefined ? 'new file' : old === content ? 'unchanged' : 'changed';
			const how = action.edit.format === 'whole' ? '' : `, ${action.edit.format} file edited in place`;
			return [
				`write  ${action.path}   (${state}${how})`,
				...content.replace(/\n$/, '').split('\n').map(line => `       | ${line}`),
				...action.notes.map(note => `       # ${note}`),
			];
		}
		case 'service':
			return [`run    ${argvText(action.argv)}`, `probe  ${probeCommandForScript(action.probe).comment}, within ${action.deadlineMs / 1000} s`];
	}
}

export async function runPlan(system: System, answers: Answers, options: {script: boolean}, output: Output): Promise<number> {
	const plan = await planSetup(system, answers);
	const {values} = plan;
	if (options.script) {
		output.out(renderScript(plan).replace(/\n$/, ''));
		return 0;
	}
	for (const line of describeSystem(system, values, 'Planning')) output.out(line);
	output.out('This is what setup would do, in order. Nothing has been changed.');
	for (const step of plan.steps) {
		output.out('');
		output.out(`== ${step.title}: ${step.summary}`);
		for (const action of step.actions) for (const line of await describeAction(action, async file => system.fs.read(file))) output.out(line);
	}
	return 0;
}
