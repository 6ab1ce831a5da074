// plan --script names the system it was planned for and refuses to run on any other: a script made
// for Ubuntu trusty, run on Debian 12, would add trusty's repository there. Run with bash against
// a fake os-release under ROOT, as the script reads every other path.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {readTree} from '../helpers/tree.js';

async function scriptFor(osRelease: string | undefined): Promise<string> {
	const planRoot = await tempRoot();
	if (osRelease !== undefined) {
		await mkdir(path.join(planRoot, 'etc'), {recursive: true});
		await writeFile(path.join(planRoot, 'etc/os-release'), osRelease);
	}
	const {stdout, exitCode} = await runCli(['plan', '--script', '--root', planRoot]);
	expect(exitCode).toBe(0);
	const file = path.join(await tempRoot(), 'setup.sh');
	await writeFile(file, stdout);
	return file;
}

async function runIn(script: string, osRelease: string | undefined) {
	const root = await tempRoot();
	if (osRelease !== undefined) {
		await mkdir(path.join(root, 'etc'), {recursive: true});
		await writeFile(path.join(root, 'etc/os-release'), osRelease);
	}
	const ran = await execa('bash', [script], {env: {ROOT: root}, reject: false});
	return {...ran, root};
}

const bookworm = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n';
const noble = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\nUBUNTU_CODENAME=noble\n';

describe('plan --script and the system it was planned for', () => {
	it('says the system in its first comment', async () => {
		const {stdout} = await runCli(['plan', '--script', '--root', await tempRoot()]);
		expect(stdout.split('\n').slice(0, 2)).toEqual([
			'#!/usr/bin/env bash',
			'# Planned for ubuntu trusty (upstart) by mesos-setup plan --script: the same steps the installer takes, to run by hand.',
		]);
	});

	it('refuses another distribution or codename, says which, and writes nothing', async () => {
		const script = await scriptFor(undefined);
		const onDebian = await runIn(script, bookworm);
		expect(onDebian.exitCode).toBe(1);
		expect(onDebian.stderr).toBe(
			`this script was planned for ubuntu trusty, but ${onDebian.root}/etc/os-release says debian bookworm: make one there with: mesos-setup plan --script`,
		);
		expect(Object.keys(await readTree(onDebian.root))).toEqual(['etc/os-release']);
		const otherCodename = await runIn(script, noble);
		expect(otherCodename.exitCode).toBe(1);
		expect(otherCodename.stderr).toContain('says ubuntu noble');
	});

	it('runs on the system it was planned for, quoted or not', async () => {
		const script = await scriptFor(bookworm);
		expect((await runIn(script, 'ID="debian"\nVERSION_CODENAME=\'bookworm\'\n')).exitCode).toBe(0);
		const onNoble = await runIn(await scriptFor(noble), 'ID=ubuntu\nUBUNTU_CODENAME=noble\n');
		expect(onNoble.stderr).toBe('');
		expect(onNoble.exitCode).toBe(0);
	});

	it('refuses a system without os-release unless it was planned for the assumed machine', async () => {
		const planned = await runIn(await scriptFor(bookworm), undefined);
		expect(planned.exitCode).toBe(1);
		expect(planned.stderr).toContain('this script was planned for debian bookworm, but there is no');
		expect((await runIn(await scriptFor(undefined), undefined)).exitCode).toBe(0);
	});
});
