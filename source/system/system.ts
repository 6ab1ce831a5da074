// The System: every side effect mesos-setup has, behind one object. The CLI builds the real one;
// tests build one over a temp root; screens receive it through context.
import type {Facts} from '../model/facts.js';
import type {Check} from '../model/plan.js';
import {detectMachine, detectSandbox} from './detect.js';
import {type CheckResult, runCheck} from './machine-checks.js';
import {createProbes, type Probes} from './probes.js';
import {type CommandRunner, createCommandRunner} from './runner.js';
import {createMemoryStateStore, createStateStore, readSavedState, type StateStore} from './state.js';
import {sandboxRoot} from './root-path.js';
import {readerHere, type SourceReader} from './source-index.js';
import {createTargetFs, type TargetFs} from './target-fs.js';

export type System = {
	// '/' on the real machine, a folder when rehearsing in a sandbox.
	root: string;
	sandbox: boolean;
	dryRun: boolean;
	facts: Facts;
	fs: TargetFs;
	commands: CommandRunner;
	probes: Probes;
	checks: {run(check: Check, signal?: AbortSignal): Promise<CheckResult>};
	// The package source as this machine's apt reads it (the layout is predicted from it).
	sourceReader: SourceReader;
	state: StateStore;
	now(): Date;
};

// `root`: a sandbox folder (--root); it may not be / itself nor a file. Without it, the real machine.
export type SystemOptions = {root?: string; dryRun?: boolean; isRoot?: boolean};

export const currentUserIsRoot = (): boolean => process.getuid?.() === 0;

export async function createSystem(options: SystemOptions = {}): Promise<System> {
	const root = options.root === undefined ? '/' : sandboxRoot(options.root);
	const fs = createTargetFs(root);
	const sandbox = fs.root !== '/';
	const dryRun = options.dryRun ?? false;
	const isRoot = options.isRoot ?? currentUserIsRoot();
	const commands = createCommandRunner();
	const facts = sandbox ? await detectSandbox(fs, isRoot) : await detectMachine(fs, commands, isRoot);
	const saved = await readSavedState(fs);
	return {
		root: fs.root,
		sandbox,
		dryRun,
		facts,
		fs,
		commands,
		probes: createProbes(),
		checks: {run: (check, signal) => runCheck(check, fs, isRoot, signal)},
		sourceReader: readerHere,
		state: dryRun ? createMemoryStateStore(saved) : createStateStore(fs, saved),
		now: () => new Date(),
	};
}
