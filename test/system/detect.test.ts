import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {agentLayoutFor} from '../../source/model/facts.js';
import {detectInstalledLayout, detectMachine, detectSandbox, installedVersions, parseOsRelease} from '../../source/system/detect.js';
import type {CommandRunner, RunResult} from '../../source/system/runner.js';
import {createTargetFs} from '../../source/system/target-fs.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('detection in a sandbox root', () => {
	it('assumes the article’s machine, and says so, where the root says nothing', async () => {
		const root = await tempRoot();
		const facts = await detectSandbox(createTargetFs(root), true);
		expect(facts).toMatchObject({distro: 'ubuntu', codename: 'trusty', init: 'upstart', aptKey: 'present'});
		expect(facts.notes.join(' ')).toContain('the article’s machine is assumed');
	});

	it('reads os-release, apt-key and dpkg’s status from the root', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc'), {recursive: true});
		await mkdir(path.join(root, 'var/lib/dpkg'), {recursive: true});
		await writeFile(path.join(root, 'etc/os-release'), 'ID=debian\nVERSION_CODENAME=bookworm\n');
		await writeFile(
			path.join(root, 'var/lib/dpkg/status'),
			'Package: marathon\nStatus: install ok installed\nVersion: 1.6.322-2.0.176\n\nPackage: mesos\nStatus: deinstall ok config-files\nVersion: 1.4.0\n',
		);
		const facts = await detectSandbox(createTargetFs(root), true);
		expect(facts).toMatchObject({distro: 'debian', codename: 'bookworm', init: 'systemd', aptKey: 'missing', marathonLayout: 'default-file'});
		expect(facts.versions).toEqual({marathon: '1.6.322-2.0.176'});
	});

	it('tells the agent layout by what the agent’s service runs, not by which /etc folders exist', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'lib/systemd/system'), {recursive: true});
		await mkdir(path.join(root, 'etc/mesos-slave'), {recursive: true});
		const unit = (role: string) => `[Service]\nExecStart=/usr/bin/mesos-init-wrapper ${role}\nRestart=always\n`;
		await writeFile(path.join(root, 'lib/systemd/system/mesos-slave.service'), unit('slave'));
		expect((await detectSandbox(createTargetFs(root), true)).agentLayout).toBe('slave');
		await writeFile(path.join(root, 'lib/systemd/system/mesos-slave.service'), unit('agent'));
		expect((await detectSandbox(createTargetFs(root), true)).agentLayout).toBe('agent');
		expect(agentLayoutFor([undefined, 'exec /usr/bin/mesos-init-wrapper slave'])).toBe('slave');
		expect(agentLayoutFor([])).toBe('slave');
	});

	it('looks again after the install: the versions dpkg records and the layout the packages read', async () => {
		const root = await tempRoot();
		const fs = createTargetFs(root);
		const before = await detectSandbox(fs, true);
		expect(before).toMatchObject({agentLayout: 'slave', marathonLayout: 'conf-dir', versions: {}});
		await mkdir(path.join(root, 'var/lib/dpkg'), {recursive: true});
		await mkdir(path.join(root, 'etc/init.d'), {recursive: true});
		await writeFile(path.join(root, 'var/lib/dpkg/status'), 'Package: marathon\nStatus: install ok installed\nVersion: 1.10.26-lab1\n\nPackage: mesos\nStatus: install ok installed\nVersion: 1.11.0-lab1\n');
		await writeFile(path.join(root, 'etc/init.d/mesos-slave'), '#!/bin/sh\nexec /usr/bin/mesos-init-wrapper agent\n');
		const runner = {run: () => Promise.reject(new Error('a sandbox runs no command')), runForBytes: () => Promise.reject(new Error('not used')), has: async () => false};
		expect(await detectInstalledLayout(fs, runner, true, before)).toMatchObject({
			agentLayout: 'agent',
			marathonLayout: 'default-file',
			versions: {mesos: '1.11.0-lab1', marathon: '1.10.26-lab1'},
		});
	});

	it('parses os-release values with and without quotes', () => {
		expect(parseOsRelease('ID="ubuntu"\nVERSION_CODENAME=jammy\n# comment\n')).toEqual({ID: 'ubuntu', VERSION_CODENAME: 'jammy'});
		expect(installedVersions('')).toEqual({});
	});

	it('asks a real machine lsb_release once and dpkg-query once, each answer read by its label or package', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'etc'), {recursive: true});
		await writeFile(path.join(root, 'etc/os-release'), 'ID=debian\nVERSION_CODENAME=bookworm\n');
		const ran: string[][] = [];
		const answer = (stdout: string, exitCode = 0): RunResult => ({ok: exitCode === 0, exitCode, stdout, stderr: exitCode === 0 ? '' : 'dpkg-query: no packages found matching mesos\n'});
		const runner: CommandRunner = {
			async run(argv) {
				ran.push([...argv]);
				if (argv[0] === 'lsb_release') return answer('Distributor ID:\tUbuntu\nCodename:\tjammy\n');
				// dpkg lists what it knows in its own order, and exits 1 for the package it does not.
				if (argv[0] === 'dpkg-query') return answer('marathon install ok installed 1.10.26-lab1\nzookeeper deinstall ok config-files 3.4.13\n', 1);
				return answer('', 1);
			},
			runForBytes: () => Promise.reject(new Error('not used')),
			has: async command => command === 'lsb_release' || command === 'apt-get',
		};
		const facts = await detectMachine(createTargetFs(root), runner, true);
		expect(facts).toMatchObject({distro: 'ubuntu', codename: 'jammy', hasApt: true, versions: {marathon: '1.10.26-lab1'}, marathonLayout: 'default-file'});
		expect(facts.versions).toEqual({marathon: '1.10.26-lab1'});
		expect(ran.map(argv => argv[0])).toEqual(['lsb_release', 'dpkg-query']);
		expect(await detectInstalledLayout(createTargetFs(root), runner, false, facts)).toMatchObject({versions: {marathon: '1.10.26-lab1'}});
	});
});
