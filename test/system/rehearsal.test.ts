import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createRehearsal} from '../../source/system/rehearsal.js';
import {tempRoot} from '../helpers/temp-root.js';

describe('the rehearsal the wizard offers', () => {
	it('describes this machine: its os-release is copied into the sandbox', async () => {
		const host = path.join(await tempRoot(), 'os-release');
		await writeFile(host, 'ID=debian\nVERSION_CODENAME=bookworm\n');
		const folder = path.join(await tempRoot(), 'mesos-rehearsal');
		const system = await createRehearsal(folder, {dryRun: false, hostOsRelease: host});
		expect(system.sandbox).toBe(true);
		expect(system.facts).toMatchObject({distro: 'debian', codename: 'bookworm', assumed: false});
	});

	it('keeps an os-release the sandbox already has, and assumes the article’s machine where there is none', async () => {
		const folder = await tempRoot();
		await mkdir(path.join(folder, 'etc'), {recursive: true});
		await writeFile(path.join(folder, 'etc/os-release'), 'ID=ubuntu\nVERSION_CODENAME=jammy\n');
		await createRehearsal(folder, {dryRun: false, hostOsRelease: path.join(folder, 'nowhere')});
		expect(await readFile(path.join(folder, 'etc/os-release'), 'utf8')).toBe('ID=ubuntu\nVERSION_CODENAME=jammy\n');
		const empty = await tempRoot();
		const system = await createRehearsal(empty, {dryRun: false, hostOsRelease: path.join(empty, 'nowhere')});
		expect(system.facts).toMatchObject({distro: 'ubuntu', codename: 'trusty', assumed: true});
	});
});
