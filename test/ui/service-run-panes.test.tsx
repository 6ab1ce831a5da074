// The service panes of a run: a reason every service shares (a rehearsal runs none) is said once
// above the panes, not once per pane; reasons that differ stay in their panes.
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {serviceAction} from '../../source/model/plan/services.js';
import type {ServiceName} from '../../source/model/services.js';
import {type RunView, sharedReason} from '../../source/ui/components/run/run-view.js';
import {ServiceRunPanes} from '../../source/ui/components/run/ServiceRunPanes.js';
import {StepOutput} from '../../source/ui/components/run/step-output.js';

afterEach(() => cleanup());

const skip = '--root: system commands are not run';
const view = (messages: Record<string, string>): RunView => ({
	actions: Object.entries(messages).map(([service, message]) => ({
		action: serviceAction(service as ServiceName, 'start', resolveValues({}), 'sysv'),
		state: 'skipped',
		message,
		probeTries: 0,
	})),
});
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the service panes of a run', () => {
	it('say a reason every service shares once, above the panes', () => {
		const services = ['zookeeper', 'mesos-master', 'mesos-slave', 'marathon'];
		const app = render(<ServiceRunPanes view={view(Object.fromEntries(services.map(s => [s, `service ${s} start and its health check (${skip})`])))} output={new StepOutput()} height={30} width={100} />);
		const frame = app.lastFrame() ?? '';
		expect(count(frame, skip)).toBe(1);
		expect(frame.split('\n')[0]).toBe(`Every service: ${skip}.`);
		for (const service of services) expect(frame).toContain(`service ${service} start and its health check`);
	});

	it('keep reasons that differ in their panes', () => {
		const frame = render(<ServiceRunPanes view={view({zookeeper: 'service zookeeper start (one reason)', marathon: 'service marathon start (another)'})} output={new StepOutput()} height={30} width={100} />).lastFrame() ?? '';
		expect(frame).not.toContain('Every service');
		expect(frame).toContain('(one reason)');
		expect(frame).toContain('(another)');
	});

	it('find the shared reason only where every message ends with it', () => {
		expect(sharedReason(['a (x)', 'b (x)'])).toEqual({reason: 'x', messages: ['a', 'b']});
		expect(sharedReason(['a (x)', 'b'])).toEqual({messages: ['a (x)', 'b']});
		expect(sharedReason(['a (x)'])).toEqual({messages: ['a (x)']});
	});
});
