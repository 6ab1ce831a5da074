// The run log: held until the run changes something, then every line on disk the moment it is
// written (a killed run keeps them), the file open only while a step is applied.
import {readFile, readdir, readlink} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createRunLog} from '../../source/system/run-log.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

// The files this process holds open, as the kernel lists them.
const openFiles = async (): Promise<string[]> => Promise.all((await readdir('/proc/self/fd')).map(async fd => readlink(`/proc/self/fd/${fd}`).catch(() => '')));

describe('the run log', () => {
	it('writes nothing before open, each line at once after it, and holds the file only until the step rests', async () => {
		const root = await tempRoot();
		const log = createRunLog(createTargetFs(root), 'run-1');
		const file = path.join(root, 'var/log/mesos-setup/run-1.log');
		log.write('== Preflight');
		await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
		log.open();
		log.write('wrote /etc/mesos/zk');
		// On disk before anything else happens: a kill now keeps both lines.
		expect((await readFile(file, 'utf8')).split('\n').filter(Boolean).map(line => line.replace(/^\S+ /, ''))).toEqual(['== Preflight', 'wrote /etc/mesos/zk']);
		expect(await openFiles()).toContain(file);
		log.rest();
		expect(await openFiles()).not.toContain(file);
		log.write('== Start services');
		expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
		log.rest();
		expect(await openFiles()).not.toContain(file);
		expect(log.opened).toBe(true);
	});
});
