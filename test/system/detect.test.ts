import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {detectSandbox, installedVersions, parseOsRelease} from '../../source/system/detect.js';
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

	it('parses os-release values with and without quotes', () => {
		expect(parseOsRelease('ID="ubuntu"\nVERSION_CODENAME=jammy\n# comment\n')).toEqual({ID: 'ubuntu', VERSION_CODENAME: 'jammy'});
		expect(installedVersions('')).toEqual({});
	});
});
