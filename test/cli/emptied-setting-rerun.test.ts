// A full setup run again with master.ip set back to empty removes /etc/mesos-master/ip, as
// `edit master.ip ''` does: only a file mesos-setup wrote before and that is still there, so a
// fresh plan never names a removal, and a file put there by hand stays. Previewed as "removed"
// in the summary setup --yes prints; undo puts it back. Through the built CLI on --root sandboxes.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, withoutSlowSourceNotice} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';

const ipFile = 'etc/mesos-master/ip';
const read = async (root: string): Promise<string | undefined> => readFile(path.join(root, ipFile), 'utf8').catch(() => undefined);
const removal = 'remove /etc/mesos-master/ip   (removed: master.ip empty writes no file)';

describe('a full setup again with master.ip emptied', () => {
	it('removes the file the earlier setup wrote, says so first, and undo puts it back', async () => {
		const root = await tempRoot();
		const first = await runCli(['setup', '--yes', '--root', root, '--set', 'master.ip=10.0.0.5']);
		expect(withoutSlowSourceNotice(first.stderr)).toBe('');
		expect(first.exitCode).toBe(0);
		expect(await read(root)).toBe('10.0.0.5\n');
		// The plan of the same answers names no removal.
		expect((await runCli(['plan', '--root', root])).stdout).not.toMatch(/remove +\/etc\/mesos-master\/ip/);

		const again = await runCli(['setup', '--yes', '--root', root, '--set', 'master.ip=']);
		expect(withoutSlowSourceNotice(again.stderr)).toBe('');
		expect(again.exitCode).toBe(0);
		expect(again.stdout).toContain(removal);
		expect(again.stdout).toContain('removed      /etc/mesos-master/ip');
		expect(await read(root)).toBeUndefined();
		// Gone now: the next run (and its plan) has nothing to remove.
		const third = await runCli(['setup', '--yes', '--root', root]);
		expect(third.exitCode).toBe(0);
		expect(third.stdout).not.toContain('/etc/mesos-master/ip');

		// undo puts back the last run (the third, which changed nothing, is not one), so the file returns.
		const undone = await runCli(['undo', '--yes', '--root', root]);
		expect(undone.exitCode).toBe(0);
		expect(await read(root)).toBe('10.0.0.5\n');
	});

	it('never removes a file mesos-setup did not write: a fresh plan names none, and one put there by hand stays', async () => {
		const fresh = await tempRoot();
		const plan = await runCli(['plan', '--root', fresh]);
		expect(plan.exitCode).toBe(0);
		expect(plan.stdout).not.toMatch(/^\s*remove /m);
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc/mesos-master'), {recursive: true});
		await writeFile(path.join(root, ipFile), '192.0.2.7\n');
		const setup = await runCli(['setup', '--yes', '--root', root]);
		expect(setup.exitCode).toBe(0);
		expect(setup.stdout).not.toContain('/etc/mesos-master/ip');
		expect(await read(root)).toBe('192.0.2.7\n');
	});
});
