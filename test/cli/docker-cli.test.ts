// Docker chosen, through the built CLI (issue 11, point 5): `plan` lists docker.io's install, the
// preflight's docker version and the 10mins timeout with its reason; `setup --yes --root` with docker
// in an answers file writes the agent's files and rehearses the install; `status` shows Docker's row
// only where docker is chosen; `edit` of the containerizers takes the timeout along while it held its
// default, and leaves one a person set.
import {readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {agentAnswers} from '../helpers/agent-answers.js';

const agentFile = (root: string, name: string) => readFile(path.join(root, 'etc/mesos-slave', name), 'utf8');
const why = '10mins is the default while the containerizers include docker: a task’s first image pull can take longer than 5mins. Set it to keep another value.';

describe('docker among the containerizers, from the command line', () => {
	it('plan: docker.io installed after mesos, docker version asked first, the timeout 10mins and why', async () => {
		const result = await runCli(['plan', '--root', await tempRoot(), '--set', 'slave.containerizers=docker,mesos', ...Object.entries(agentAnswers).flatMap(([id, value]) => ['--set', `${id}=${value}`])]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^check {2}Docker answers docker version$/m);
		expect(result.stdout).toMatch(/^run {4}DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y --no-install-recommends mesos\nrun {4}DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y --no-install-recommends --no-remove docker\.io$/m);
		expect(result.stdout).toMatch(/^write {2}\/etc\/mesos-slave\/executor_registration_timeout {3}\(new file\)\n {7}\| 10mins$/m);
		expect(result.stdout).toContain(`# ${why}`);
		const master = await runCli(['plan', '--root', await tempRoot(), '--set', 'slave.containerizers=docker,mesos', '--set', 'node.role=master']);
		expect(master.stdout).not.toContain('docker');
	});

	it('setup --yes --root with docker in an answers file: the agent’s files, the install rehearsed, docker version asked', async () => {
		const root = await tempRoot();
		const answers = `${root}-answers.yaml`;
		await writeFile(answers, 'slave:\n  containerizers: docker,mesos\n');
		try {
			const result = await runCli(['setup', '--yes', '--root', root, '--answers', answers]);
			expect(result.exitCode, result.stderr).toBe(0);
			expect(await agentFile(root, 'containerizers')).toBe('docker,mesos\n');
			expect(await agentFile(root, 'executor_registration_timeout')).toBe('10mins\n');
			expect(result.stdout).toMatch(/^skipped +apt-get install -y --no-install-recommends --no-remove docker\.io \(--root: system commands are not run\)$/m);
			// A check that only reads this machine runs in a rehearsal too: whatever docker this machine has, it is named.
			expect(result.stdout).toMatch(/^(passed|warned) +Docker answers docker version: (client .+, server .+|the docker client.* answers but the Docker daemon does not \(.+\): start it|docker is not installed yet: the install step adds docker\.io)/m);
			const status = await runCli(['status', '--once', '--root', root]);
			expect(status.stdout).toContain('Docker: unhealthy: not asked (--root: system commands are not run)');
			const json = JSON.parse((await runCli(['status', '--json', '--root', root])).stdout) as {docker?: unknown};
			expect(json.docker).toEqual({healthy: false, detail: 'not asked (--root: system commands are not run)'});
		} finally {
			await rm(answers, {force: true});
		}
	});

	it('status without docker has no Docker row', async () => {
		const root = await tempRoot();
		await runCli(['setup', '--yes', '--root', root]);
		const status = await runCli(['status', '--once', '--root', root]);
		expect(status.stdout).not.toContain('Docker');
		expect(JSON.parse((await runCli(['status', '--json', '--root', root])).stdout)).not.toHaveProperty('docker');
	});

	it('edit of the containerizers takes the timeout along while it held its default, never one a person set', async () => {
		const root = await tempRoot();
		await runCli(['setup', '--yes', '--root', root]);
		expect(await agentFile(root, 'executor_registration_timeout')).toBe('5mins\n');
		const edited = await runCli(['edit', 'slave.containerizers', 'docker,mesos', '--yes', '--root', root]);
		expect(edited.exitCode, edited.stderr).toBe(0);
		expect(await agentFile(root, 'executor_registration_timeout')).toBe('10mins\n');
		await runCli(['edit', 'slave.containerizers', 'mesos', '--yes', '--root', root]);
		expect(await agentFile(root, 'executor_registration_timeout')).toBe('5mins\n');
		await runCli(['edit', 'slave.executor_registration_timeout', '7mins', '--yes', '--root', root]);
		await runCli(['edit', 'slave.containerizers', 'docker,mesos', '--yes', '--root', root]);
		expect(await agentFile(root, 'executor_registration_timeout')).toBe('7mins\n');
	});
});
