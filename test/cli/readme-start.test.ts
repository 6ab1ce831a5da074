// The README's first command leaves a working `mesos-setup`, the name every hint the program
// prints uses: npm link (with a prefix of the test's own, offline) puts it on a PATH, and the
// hints it prints, run as printed, work.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {tempRoot} from '../helpers/temp-root.js';

const repo = path.resolve(import.meta.dirname, '../..');

describe('the README’s first command', () => {
	it('is npm install, build, npm link and mesos-setup, and npm link leaves a mesos-setup on the PATH whose hints work as printed', async () => {
		const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
		const first = /```sh\n([^\n#]*?)\s*#/.exec(readme)?.[1];
		expect(first).toBe('npm install && npm run build && npm link && mesos-setup');
		const prefix = await tempRoot();
		// npm install and the build already ran (npm test's pretest): only the link is made here.
		const link = await execa('npm', ['link', '--offline', '--no-audit', '--no-fund'], {cwd: repo, env: {npm_config_prefix: prefix}, reject: false});
		expect(link.exitCode, link.stderr).toBe(0);
		const env = {PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}`, NO_COLOR: ''};
		const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as {version: string};
		expect((await execa('mesos-setup', ['--version'], {env})).stdout).toBe(pkg.version);
		// Without a terminal, status names the command to run instead; run as printed, it works.
		const root = await tempRoot();
		const refused = await execa('mesos-setup', ['status', '--root', root], {env, stdin: 'ignore', reject: false});
		expect(refused.exitCode).toBe(2);
		const hint = /without one run (mesos-setup status --once --root \S+)/.exec(refused.stderr)?.[1];
		expect(hint, refused.stderr).toBe(`mesos-setup status --once --root ${root}`);
		const [program = '', ...args] = (hint ?? '').split(' ');
		const once = await execa(program, args, {env, stdin: 'ignore', reject: false});
		expect(once.stdout).toContain('Init states: not asked (--root: system commands are not run)');
		expect(once.stderr).not.toContain('needs a terminal');
		// --help's first line names the program.
		expect((await execa('mesos-setup', ['--help'], {env})).stdout.split('\n')[0]).toMatch(/^ {2}mesos-setup: set up Apache Mesos/);
	});
});
