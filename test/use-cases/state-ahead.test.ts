// The saved state made ready ahead of its first save (system/state.ts `prepare`, called by a setup's
// first change at the event loop's next turn): only by a setup, never by a restart from status.
import {readdir} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSystem} from '../../source/system/system.js';
import {restartServices} from '../../source/use-cases/restart-services.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('the saved state made ready ahead of its first save', () => {
	it('only by a setup: a restart from status leaves no state folder behind', async () => {
		const root = await tempRoot();
		const system = await createSystem({root});
		await restartServices(system, ['zookeeper'], {answers: {}});
		await new Promise(resolve => setImmediate(resolve));
		expect(await readdir(path.join(root, 'var'))).toEqual(['log']);
	});
});
