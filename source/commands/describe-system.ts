// The first lines of every plain run: where it works and what it found.
import type {Values} from '../model/answers.js';
import type {Facts} from '../model/facts.js';
import {layoutSaid} from '../model/layout-prediction.js';
import {keyMethod} from '../model/plan.js';
import type {System} from '../system/system.js';

// `facts`: the plan's, with the layout predicted from the package source.
export function describeSystem(system: System, values: Values, doing = 'Working', facts: Facts = system.facts): string[] {
	const where = system.sandbox
		? `in the sandbox ${system.root} (files are written under it; system commands are skipped)`
		: 'on this machine';
	const lines = [`${system.dryRun ? 'Dry run' : doing} ${where}${system.dryRun ? ': nothing will be changed' : ''}.`];
	lines.push(`Target: ${facts.distro} ${facts.codename}, ${facts.init}; key trusted with ${keyMethod(values, facts) === 'apt-key' ? 'apt-key' : 'a keyring (signed-by)'}.`);
	lines.push(layoutSaid(facts));
	return [...lines, ...facts.notes];
}
