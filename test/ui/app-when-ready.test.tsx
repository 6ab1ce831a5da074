// The first frame comes before the machine is looked at: AppWhenReady shows that it is looking
// while the System and the answers are prepared, then the screens with what was found; a failure
// while preparing, or a signal, ends it without the screens.
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {InputError} from '../../source/model/errors.js';
import {createSystem} from '../../source/system/system.js';
import {type AppReady, AppWhenReady} from '../../source/ui/AppWhenReady.js';
import {waitForFrame} from '../helpers/ink-app.js';
import {tempRoot} from '../helpers/temp-root.js';
import {waitFor} from '../helpers/wait-for.js';

afterEach(() => cleanup());

// A preparation that waits until the test lets it go on, as a slow detection (dpkg, apt) would.
function heldBack(prepare: () => Promise<AppReady>) {
	let release: () => void = () => undefined;
	const gate = new Promise<void>(resolve => {
		release = resolve;
	});
	let started = 0;
	return {
		release,
		started: () => started,
		prepare: async () => {
			started++;
			await gate;
			return prepare();
		},
	};
}

describe('the first frame', () => {
	it('says the machine is being looked at until detection ends, then shows the welcome with what was found', async () => {
		const root = await tempRoot();
		const held = heldBack(async () => ({system: await createSystem({root}), answers: {}}));
		const exits: number[] = [];
		const app = render(<AppWhenReady command="setup" prepare={held.prepare} onFailed={() => undefined} onExit={code => exits.push(code)} />);
		const first = await waitForFrame(app, 'looking at this machine…');
		expect(first).toContain('mesos-setup');
		expect(first).not.toContain('Assumed machine');
		expect(held.started()).toBe(1);
		held.release();
		const welcome = await waitForFrame(app, 'Assumed machine: ubuntu trusty');
		expect(welcome).toContain('Set up Apache Mesos, Marathon and ZooKeeper on this machine, step by step.');
		expect(welcome).not.toContain('looking at this machine');
		expect(held.started()).toBe(1);
		expect(exits).toEqual([]);
	});

	it('hands a failure while preparing (bad input) to the caller and shows no screen', async () => {
		const failures: unknown[] = [];
		const held = heldBack(() => Promise.reject(new InputError(['--set x=1: there is no setting x.'])));
		const app = render(<AppWhenReady command="setup" prepare={held.prepare} onFailed={error => failures.push(error)} onExit={() => undefined} />);
		await waitForFrame(app, 'looking at this machine…');
		held.release();
		const [failure] = await waitFor('the failure', () => (failures.length > 0 ? failures : undefined));
		expect(failure).toBeInstanceOf(InputError);
		expect((failure as InputError).problems).toEqual(['--set x=1: there is no setting x.']);
		expect(app.lastFrame()).toContain('looking at this machine…');
	});

	it('ends with 130 at a signal from outside while the machine is still looked at', async () => {
		const controller = new AbortController();
		const exits: number[] = [];
		const held = heldBack(() => Promise.reject(new Error('not reached')));
		const app = render(<AppWhenReady command="setup" signal={controller.signal} prepare={held.prepare} onFailed={() => undefined} onExit={code => exits.push(code)} />);
		await waitForFrame(app, 'looking at this machine…');
		controller.abort();
		expect(await waitFor('the exit', () => exits[0])).toBe(130);
	});
});
