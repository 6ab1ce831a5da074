// The wizard's last page points at what this machine serves (model/endpoints.ts pagesServed): a
// master's Mesos and Marathon pages, where the master listens; an agent's own endpoint only.
import {afterEach, expect, it} from 'vitest';
import {initialWizardState} from '../../source/model/wizard-state.js';
import {createSystem} from '../../source/system/system.js';
import type {ScreenProps} from '../../source/ui/wizard/screen-props.js';
import {DoneScreen} from '../../source/ui/wizard/DoneScreen.js';
import {waitForFrame} from '../helpers/ink-app.js';
import {tempRoot} from '../helpers/temp-root.js';
import {renderScreen} from '../ui/render-screen.js';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

async function doneFor(answers: Record<string, string>): Promise<string> {
	const system = await createSystem({root: await tempRoot()});
	const state = initialWizardState({facts: system.facts, answers, sandbox: true});
	const props = {state, pages: [], height: 40, width: 120} as unknown as ScreenProps;
	const screen = renderScreen(system, <DoneScreen {...props} />);
	unmount = screen.unmount;
	return waitForFrame(screen, 'mesos-setup status');
}

it('points a master at its Mesos and Marathon pages, on its master.ip', async () => {
	const frame = await doneFor({'node.role': 'master', 'master.ip': '10.0.0.5'});
	expect(frame).toContain('Mesos master: http://10.0.0.5:5050');
	expect(frame).toContain('Marathon:     http://127.0.0.1:8080');
	expect(frame).not.toContain('Mesos agent');
});

it('points an agent at its own endpoint only, and says where the pages are', async () => {
	const frame = await doneFor({'node.role': 'agent'});
	expect(frame).toContain('Mesos agent:  http://127.0.0.1:5051');
	expect(frame).toContain('(the Mesos and Marathon pages are on the masters)');
	expect(frame).not.toContain('Mesos master:');
	expect(frame).not.toContain('Marathon:');
});
