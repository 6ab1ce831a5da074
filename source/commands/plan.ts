// `mesos-setup plan`: every command and every file's full content, nothing changed.
// `--script`: the same plan as a bash script to run by hand.
import type {Answers} from '../model/answers.js';
import {itemLine, summaryItems} from '../model/change-summary.js';
import type {Action} from '../model/plan.js';
import {renderScript} from '../model/script.js';
import type {System} from '../system/system.js';
import {describeSystem} from './describe-system.js';
import {planSetup} from '../use-cases/plan-setup.js';
import type {Output} from './output.js';
import {sayIfSlow, sayReading} from './slow-notice.js';
import {valuesFor} from '../use-cases/gather-answers.js';

// `read`: what a file holds now (undefined: absent), to say whether it is new, changed or unchanged.
// The lines are the change summary's (model/change-summary.ts), with each file's whole content.
export async function describeAction(action: Action, read: (path: string) => Promise<string | undefined>): Promise<string[]> {
	const disk = new Map(action.kind === 'file' ? [[action.path, await read(action.path)]] : []);
	return summaryItems(action, disk).flatMap(item => [
		itemLine(item),
		...(item.file?.after !== undefined ? [...item.file.after.replace(/\n$/, '').split('\n').map(line => `       | ${line}`), ...item.file.notes.map(note => `       # ${note}`)] : []),
	]);
}

export async function runPlan(system: System, answers: Answers, options: {script: boolean}, output: Output): Promise<number> {
	const plan = await sayIfSlow(planSetup(system, answers), sayReading(output.err, () => valuesFor(answers), system.facts));
	const {values} = plan;
	if (options.script) {
		output.out(renderScript(plan).replace(/\n$/, ''));
		return 0;
	}
	for (const line of describeSystem(system, values, 'Planning', plan.facts)) output.out(line);
	output.out('This is what setup would do, in order. Nothing has been changed.');
	for (const step of plan.steps) {
		output.out('');
		output.out(`== ${step.title}: ${step.summary}`);
		for (const action of step.actions) for (const line of await describeAction(action, async file => system.fs.read(file))) output.out(line);
	}
	return 0;
}
