// The package source's index is asked for once by setup --yes (issue 12 point 4): the layout's
// prediction reads the Release and the Packages list, and the preflight's check of the same index
// judges that reading instead of asking the server again.
import {afterEach, describe, expect, it} from 'vitest';
import {debianArch} from '../../source/model/apt-index.js';
import {serveRoutes, type TestServer} from '../fixtures/http-server.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';

let server: TestServer | undefined;
afterEach(async () => {
	await server?.stop();
	server = undefined;
});

describe('setup --yes --root against a repository that counts what it is asked', () => {
	it('fetches the Release and the Packages list once, and both the Layout line and the preflight read them', async () => {
		const dists = `/ubuntu/dists/trusty`;
		const packages = `${dists}/main/binary-${debianArch(process.arch)}/Packages`;
		server = await serveRoutes({
			[`${dists}/Release`]: () => ({text: 'Suite: trusty\nCodename: trusty\nComponents: main\n'}),
			[packages]: () => ({text: 'Package: mesosphere\nVersion: 0.28.1-2.0.20.ubuntu1404\n\nPackage: mesos\nVersion: 0.28.1-2.0.20.ubuntu1404\n\nPackage: marathon\nVersion: 1.1.1-1.0.472.ubuntu1404\n'}),
		});
		const root = await tempRoot();
		const result = await runCli(['setup', '--yes', '--root', root, '--set', `repo.url=${server.url}`]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^Layout: .*predicted from the index of .*mesos 0\.28\.1/m);
		expect(result.stdout).toMatch(/^passed +The repository holds mesosphere for ubuntu trusty/m);
		expect(server.hits.filter(hit => hit === `${dists}/Release`)).toHaveLength(1);
		expect(server.hits.filter(hit => hit === packages)).toHaveLength(1);
	});
});
