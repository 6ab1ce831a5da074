// The lab is hermetic against mesos-setup's own state from an earlier run here (saved answers and
// progress, backups, logs): the snapshot sets it aside, so every lab test starts as on a machine
// that never ran mesos-setup; between tests what the lab's runs left of it goes; at the end what
// was there before is put back, byte for byte. Runs the snapshot and restore alone, under the lock.
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {acquireMachineLock} from './machine-lock.js';
import {installerStatePaths, machineSnapshot, restoreMachine} from './machine-snapshot.js';
import {describeLab} from './require-lab.js';

const earlier: Record<string, string> = {
	'/var/lib/mesos-setup/state.json': `${JSON.stringify({answers: {'slave.hostname': 'someone-elses'}, setUpAt: '2020-01-01T00:00:00.000Z'})}\n`,
	'/var/backups/mesos-setup/2020-01-01T00-00-00-000Z-beef/journal.json': '{"runId": "2020-01-01T00-00-00-000Z-beef", "kind": "apply", "entries": []}\n',
	'/var/log/mesos-setup/2020-01-01T00-00-00-000Z-beef.log': 'an earlier run\n',
};

describeLab('the lab and mesos-setup’s state from an earlier run', () => {
	it('sets it aside while the lab runs, clears what the lab leaves between tests, and puts it back at the end', async () => {
		const release = await acquireMachineLock(15 * 60_000);
		const work = await mkdtemp(path.join(tmpdir(), 'mesos-setup-lab-state-'));
		// This machine's own earlier state, if any, is the one kept; otherwise some is planted.
		const planted = installerStatePaths.every(dir => !existsSync(dir));
		try {
			if (planted) {
				for (const [file, content] of Object.entries(earlier)) {
					await mkdir(path.dirname(file), {recursive: true});
					await writeFile(file, content);
				}
			}
			const before = planted ? earlier : {};
			const snapshot = await machineSnapshot(path.join(work, 'snapshot'));
			for (const dir of installerStatePaths) expect(existsSync(dir), `${dir} is set aside`).toBe(false);
			// A lab test's run leaves state of its own…
			await mkdir('/var/lib/mesos-setup', {recursive: true});
			await writeFile('/var/lib/mesos-setup/state.json', '{"answers": {}}\n');
			const between = await restoreMachine(snapshot);
			expect(between.installerState).toBe('kept aside');
			// …which goes between tests: the next one starts without it, and without the earlier one.
			for (const dir of installerStatePaths) expect(existsSync(dir), `${dir} after a test`).toBe(false);
			const end = await restoreMachine(snapshot, {putBack: true});
			expect(end.installerState).toBe('put back');
			for (const [file, content] of Object.entries(before)) expect(await readFile(file, 'utf8'), file).toBe(content);
		} finally {
			if (planted) for (const dir of installerStatePaths) await rm(dir, {recursive: true, force: true});
			await rm(work, {recursive: true, force: true});
			release();
		}
	}, 5 * 60_000);
});
