// After the install step: the layout the installed packages read, looked at where they were
// installed (this machine, a sandbox, a cluster node through its System). Where it is not the one
// the steps were planned for, the steps still to run are made again from it, and the files that
// moved are said, or asked about, before any of them is written. One machine's setup and every
// node of a cluster deploy go through here.
import type {Facts} from '../model/facts.js';
import {layoutLine} from '../model/files.js';
import {movedFiles, movedFilesLines} from '../model/layout-prediction.js';
import type {Plan, Step} from '../model/plan.js';
import {detectInstalledLayout} from '../system/detect.js';
import type {System} from '../system/system.js';
import {refuseUnwritableTargets} from '../system/target-check.js';

// The installed packages read another layout than the summary showed: these files are written
// instead (model/layout-prediction.ts). Resolves true to go on, false to stop before writing them.
export type ConfirmMoved = (lines: string[]) => Promise<boolean>;

export type AfterInstall = {
	// The plan again for the facts found after the install.
	replan: (facts: Facts) => Plan;
	// Asked before a file the summary did not show is written; without it the lines are said.
	confirmMoved?: ConfirmMoved;
	notice: (line: string) => void;
};

// The layout the installed packages read; where nothing installed shows one (a rehearsal), `shown`'s stays.
export const installedLayout = (system: System, shown: Facts): Promise<Facts> => detectInstalledLayout(system.fs, system.commands, system.sandbox, shown);

// `shown`: the facts the steps were planned from; `rest`: the steps still to run after the install.
// Returns the steps to run instead (the same when nothing moved), or undefined: not to go on.
export async function stepsForInstalledLayout(system: System, shown: Facts, rest: readonly Step[], after: AfterInstall): Promise<Step[] | undefined> {
	const facts = await installedLayout(system, shown);
	if (layoutLine(facts) === layoutLine(shown)) return [...rest];
	const ids = new Set(rest.map(step => step.id));
	const now = after.replan(facts).steps.filter(step => ids.has(step.id));
	await refuseUnwritableTargets(system.fs, {steps: now});
	const lines = movedFilesLines(facts, movedFiles(rest, now));
	if (after.confirmMoved) return (await after.confirmMoved(lines)) ? now : undefined;
	for (const line of lines) after.notice(line);
	return now;
}
