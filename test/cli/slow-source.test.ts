// A slow package source: setup --yes and plan read its index before their first line, and say on
// standard error what they wait for once a second has gone by, instead of sitting silent (the
// timing itself, and no line for a source read in time: slow-notice.test.ts, on fake timers).
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

const dists = '/ubuntu/dists/trusty';
const serveIndex = async (delayMs?: number): Promise<TestServer> =>
	serveRoutes({
		[`${dists}/Release`]: () => ({text: 'Suite: trusty\nCodename: trusty\nComponents: main\n', ...(delayMs === undefined ? {} : {delayMs})}),
		[`${dists}/main/binary-${debianArch(process.arch)}/Packages`]: () => ({text: 'Package: mesosphere\nVersion: 0.28.1-2.0.20.ubuntu1404\n\nPackage: mesos\nVersion: 0.28.1-2.0.20.ubuntu1404\n\nPackage: marathon\nVersion: 1.1.1-1.0.472.ubuntu1404\n'}),
	});

const waiting = /^Reading the package index at http:\/\/127\.0\.0\.1:\d+ to learn where its packages will keep their files/m;

describe('a package source that is slow to answer', () => {
	it('setup --yes says what it waits for, then goes on as usual', async () => {
		server = await serveIndex(1_500);
		const result = await runCli(['setup', '--yes', '--root', await tempRoot(), '--set', `repo.url=${server.url}`]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stderr).toMatch(waiting);
		expect(result.stderr.match(new RegExp(waiting.source, 'gm'))).toHaveLength(1);
		expect(result.stdout).toMatch(/^Layout: .*predicted from the index of .*mesos 0\.28\.1/m);
	});

	it('plan --script says it on standard error: standard output stays the script alone', async () => {
		server = await serveIndex(1_500);
		const result = await runCli(['plan', '--script', '--root', await tempRoot(), '--set', `repo.url=${server.url}`]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stderr).toMatch(waiting);
		expect(result.stdout).toMatch(/^#!\/usr\/bin\/env bash/);
		expect(result.stdout).not.toMatch(/Reading the package index/);
	});
});
