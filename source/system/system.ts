// The System: every side effect mesos-setup has, behind one object. The CLI builds the real one;
// tests build one over a temp root; screens receive it through context.
import type {Facts} from '../model/facts.js';
import type {Check} from '../model/plan.js';
import {detectMachine, detectSandbox} from './detect.js';
import {filesWrittenBefore} from './journal-reading.js';
import {type CheckResult, lookAheadFor, runCheck} from './machine-checks.js';
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
	// lookAhead: told the checks a setup's preflight will run, as soon as its plan is known, this
	// machine's start what lets them answer sooner (looking up the hosts they reach).
	checks: {run(check: Check, signal?: AbortSignal): Promise<CheckResult>; lookAhead?(checks: readonly Check[]): void};
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
	const [detected, writtenBefore] = await Promise.all([sandbox ? detectSandbox(fs, isRoot) : detectMachine(fs, commands, isRoot), filesWrittenBefore(fs)]);
	const facts = {...detected, writtenBefore};
	const saved = await readSavedState(fs);
	return {
		root: fs.root,
		sandbox,
		dryRun,
		facts,
		fs,
		commands,
		probes: createProbes(),
		checks: {run: (check, signal) => runCheck(check, fs, isRoot, signal), lookAhead: lookAheadFor},
		sourceReader: readerHere,
		state: dryRun ? createMemoryStateStore(saved) : createStateStore(fs, saved),
		now: () => new Date(),
	};
}
