// A System over a temp root that behaves like a real machine (sandbox off), with its commands
// and health probes answered by the test, so failures, retries and live output can be shown
// without touching this machine.
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Probe} from '../../source/model/plan.js';
import type {ProbeResult} from '../../source/model/apply-events.js';
import type {CommandRunner, RunOptions, RunResult} from '../../source/system/runner.js';
import {createSystem, type System} from '../../source/system/system.js';
import type {StepId} from '../../source/model/plan.js';
import {tempRoot} from '../helpers/temp-root.js';

// `options.signal`: the stop a real command would get; a fake that waits should end on it.
export type FakeCommand = (argv: readonly string[], say: (line: string, stream?: 'stdout' | 'stderr') => void, options: RunOptions) => Promise<Partial<RunResult>> | Partial<RunResult>;

export type FakeMachine = {system: System; ran: string[]};

export async function fakeMachine(options: {
	command?: FakeCommand;
	probe?: (probe: Probe) => ProbeResult;
	// Saved progress of a killed run, so the wizard offers to continue at the step under test.
	completed?: StepId[];
	// Whether a command is installed here (commands.has); all are, unless the test says otherwise.
	installed?: (command: string) => boolean;
}): Promise<FakeMachine> {
	const root = await tempRoot();
	const sandbox = await createSystem({root});
	const ran: string[] = [];
	const run = async (argv: readonly string[], runOptions: RunOptions): Promise<RunResult> => {
		ran.push(argv.join(' '));
		const said: string[] = [];
		const result =
			(await options.command?.(
				argv,
				(line, stream = 'stdout') => {
					said.push(line);
					runOptions.onLine?.(line, stream);
				},
				runOptions,
			)) ?? {};
		// mktemp -d makes a folder as on any machine (the key import keeps gpg's home there), unless the test answered.
		if (argv[0] === 'mktemp' && said.length === 0 && result.stdout === undefined) said.push(await mkdtemp(path.join(root, 'mktemp-')));
		return {ok: true, exitCode: 0, stdout: said.join('\n'), stderr: '', ...result};
	};
	const commands: CommandRunner = {
		run,
		runForBytes: async (argv, runOptions) => {
			const result = await run(argv, runOptions);
			return {...result, bytes: Buffer.from(result.stdout)};
		},
		has: async command => options.installed?.(command) ?? true,
	};
	const system: System = {
		...sandbox,
		sandbox: false,
		facts: {...sandbox.facts, isRoot: true, hasApt: true, assumed: false},
		commands,
		probes: {...sandbox.probes, probe: async probe => options.probe?.(probe) ?? {healthy: false, detail: 'no answer (test)'}},
		// Preflight reads this machine's ports and network; these tests are about later steps.
		checks: {run: async () => ({status: 'passed', message: 'checked (test)'})},
	};
	if (options.completed) system.state.saveProgress({runId: 'killed-run', completed: options.completed, finished: false});
	return {system, ran};
}

const fingerprint = '81026D0004C44CF7EF55ADF8DF7D54CBE56151BF';

// A machine whose apt-get install (answered here) leaves the agent's unit running
// `mesos-init-wrapper <unit>` and dpkg recording Marathon at `marathon`, as the installed packages
// would; every service answers healthy. Before the install nothing shows the layout.
export async function machineInstalling(installed: {unit: 'slave' | 'agent'; marathon: string}): Promise<FakeMachine> {
	let root = '';
	const machine = await fakeMachine({
		async command(argv, say) {
			if (argv.includes('--fingerprint')) say(`fpr:::::::::${fingerprint}:`);
			if (argv.includes('--export')) say('the exported key');
			if (argv[0] === 'apt-get' && argv.includes('install')) {
				await mkdir(path.join(root, 'lib/systemd/system'), {recursive: true});
				await writeFile(path.join(root, 'lib/systemd/system/mesos-slave.service'), `[Service]\nExecStart=/usr/bin/mesos-init-wrapper ${installed.unit}\n`);
			}
			if (argv[0] === 'dpkg-query' && argv.includes('marathon')) say(`marathon install ok installed ${installed.marathon}`);
			return {};
		},
		probe: () => ({healthy: true, detail: 'answers (test)'}),
	});
	root = machine.system.root;
	return machine;
}
