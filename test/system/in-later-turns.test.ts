// File calls made synchronously behind the async TargetFs give the event loop a turn every few
// milliseconds of calls (keys, signals and timers get in), not one after every call.
import {describe, expect, it} from 'vitest';
import {fileCallSliceMs, inLaterTurns} from '../../source/system/in-later-turns.js';
import type {TargetFs} from '../../source/system/target-fs.js';

const instantFs = {root: '/', hostPath: (target: string) => target, read: async () => 'bytes'} as unknown as TargetFs;

describe('file calls one after another', () => {
	it('let a waiting timer in once the calls took a slice of time, and not while they take none', async () => {
		let clock = 0;
		const fs = inLaterTurns(instantFs, () => clock);
		let timerRan = false;
		setImmediate(() => {
			timerRan = true;
		});
		// Calls that take no time: no turn between them, however many.
		for (let call = 0; call < 100; call++) expect(await fs.read('/etc/mesos/zk')).toBe('bytes');
		expect(timerRan).toBe(false);
		// Calls that take a millisecond each: the timer runs within a slice of them.
		let calls = 0;
		while (!timerRan && calls < 100) {
			clock += 1;
			await fs.read('/etc/mesos/zk');
			calls++;
		}
		expect(timerRan).toBe(true);
		expect(calls).toBe(fileCallSliceMs);
		expect(fs.hostPath('/etc/mesos/zk')).toBe('/etc/mesos/zk');
	});
});
