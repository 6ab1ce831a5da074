// Review 3, #22, on the command line: Marathon's state in ZooKeeper follows the Mesos ZooKeeper URL's
// hosts, under its own path, in `plan` and `setup --yes`; a value given for it is kept.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';

const ensemble = 'zk://10.0.0.1:2181,10.0.0.2:2181,10.0.0.3:2181';
const masters = ['--set', `mesos.zk=${ensemble}/mesos`];

describe('Marathon’s state follows the Mesos ZooKeeper URL', () => {
	it('plan and setup --yes write the masters’ hosts with /marathon', async () => {
		const plan = await runCli(['plan', '--root', await tempRoot(), ...masters]);
		expect(plan.exitCode, plan.stderr).toBe(0);
		expect(plan.stdout).toMatch(new RegExp(`^write {2}/etc/marathon/conf/zk .*\\n {7}\\| ${ensemble.replaceAll('.', '\\.')}/marathon$`, 'm'));
		const root = await tempRoot();
		const setup = await runCli(['setup', '--yes', '--root', root, ...masters]);
		expect(setup.exitCode, setup.stderr).toBe(0);
		expect(await readFile(path.join(root, 'etc/marathon/conf/zk'), 'utf8')).toBe(`${ensemble}/marathon\n`);
	});

	it('keeps a value given for it', async () => {
		const root = await tempRoot();
		const setup = await runCli(['setup', '--yes', '--root', root, ...masters, '--set', 'marathon.zk=zk://10.0.0.9:2181/marathon']);
		expect(setup.exitCode, setup.stderr).toBe(0);
		expect(await readFile(path.join(root, 'etc/marathon/conf/zk'), 'utf8')).toBe('zk://10.0.0.9:2181/marathon\n');
	});
});
