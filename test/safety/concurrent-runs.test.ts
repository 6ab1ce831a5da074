// Issue 9: one run at a time. Two setups at once, or a setup and an undo at once, end as whole
// runs one after the other or as a clean refusal (exit 1, naming the PID and since when), never as
// a mix; and whatever happened, undo can always put the machine back. A stale lock is taken over.
import {localTime} from '../../source/model/local-time.js';
import {mkdir, symlink} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';
import {describe, expect, it} from 'vitest';
import {type CliResult, runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {tempFilesUnder, type Tree} from '../helpers/tree.js';
import {exactTree, inParallel, machineBefore, startCli} from './machine-before.js';

const pairs = 20;
const refusal = /^another mesos-setup \((setup|undo), PID \d+\) has been running here since \d{4}-\d\d-\d\d \d\d:\d\d: only one setup, edit or undo runs at a time$/m;

type Outcome = 'ran' | 'refused';

function outcomeOf(result: CliResult, what: string): Outcome {
	if (result.exitCode === 0) return 'ran';
	expect(result.exitCode, `${what}: ${result.stderr}`).toBe(1);
	expect(result.stderr, what).toMatch(refusal);
	return 'refused';
}

// Starts both at once (the second up to 150 ms later) and waits for both.
async function together(first: string[], second: string[]): Promise<[CliResult, CliResult]> {
	const a = startCli(first);
	await new Promise(resolve => setTimeout(resolve, Math.random() * 150));
	const b = startCli(second);
	const [ra, rb] = await Promise.all([a, b]);
	const result = (r: typeof ra): CliResult => ({exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr)});
	return [result(ra), result(rb)];
}

// The tree one whole setup with these answers leaves on a machine as machineBefore makes it.
async function treeAfterSetup(sets: string[]): Promise<Tree> {
	const root = await tempRoot();
	await machineBefore(root);
	expect((await runCli(['setup', '--yes', '--root', root, ...sets])).exitCode).toBe(0);
	return exactTree(root);
}

const states = (trees: Record<string, Tree>, tree: Tree): string[] => Object.entries(trees).flatMap(([name, t]) => (JSON.stringify(t) === JSON.stringify(tree) ? [name] : []));

describe('one run at a time', () => {
	it(`${pairs} pairs of setups at once: each pair ends as whole runs or a clean refusal`, {timeout: 300_000}, async () => {
		const trees = {a: await treeAfterSetup(['--set', 'slave.hostname=a.example']), b: await treeAfterSetup(['--set', 'slave.hostname=b.example'])};
		const figures = {bothRan: 0, oneRefused: 0};
		await inParallel(
			Array.from({length: pairs}, (_, i) => i),
			3,
			async () => {
				const root = await tempRoot();
				await machineBefore(root);
				const [a, b] = await together(['setup', '--yes', '--root', root, '--set', 'slave.hostname=a.example'], ['setup', '--yes', '--root', root, '--set', 'slave.hostname=b.example']);
				const outcome = [outcomeOf(a, 'first setup'), outcomeOf(b, 'second setup')];
				expect(outcome).not.toEqual(['refused', 'refused']);
				const now = states(trees, await exactTree(root));
				if (outcome.includes('refused')) {
					figures.oneRefused++;
					expect(now).toEqual([outcome[0] === 'ran' ? 'a' : 'b']);
				} else {
					figures.bothRan++;
					expect(now).toHaveLength(1);
				}
				expect(await tempFilesUnder(root)).toEqual([]);
			},
		);
		console.log(`setup/setup pairs: ${JSON.stringify(figures)}`);
	});

	it(`${pairs} pairs of a setup and an undo at once: whole runs or a refusal, and undo can always put the machine back`, {timeout: 300_000}, async () => {
		const trees = {before: await (async () => {
			const root = await tempRoot();
			await machineBefore(root);
			return exactTree(root);
		})(), a: await treeAfterSetup(['--set', 'slave.hostname=a.example']), b: await treeAfterSetup(['--set', 'slave.hostname=b.example'])};
		// One machine set up with a, copied for each pair.
		const template = await tempRoot();
		await machineBefore(template);
		expect((await runCli(['setup', '--yes', '--root', template, '--set', 'slave.hostname=a.example'])).exitCode).toBe(0);
		const figures: Record<string, number> = {};
		await inParallel(
			Array.from({length: pairs}, (_, i) => i),
			3,
			async () => {
				const root = await tempRoot();
				// cp -a: owners too (fs.cp does not keep them).
				await execa('cp', ['-a', `${template}/.`, root]);
				const [setup, undo] = await together(['setup', '--yes', '--root', root, '--set', 'slave.hostname=b.example'], ['undo', '--yes', '--root', root]);
				const outcome = `setup ${outcomeOf(setup, 'setup')}, undo ${outcomeOf(undo, 'undo')}`;
				figures[outcome] = (figures[outcome] ?? 0) + 1;
				const now = states(trees, await exactTree(root));
				// Both ran: the undo went first (then b) or last (then a, the run before b).
				const allowed: Record<string, string[][]> = {
					'setup ran, undo refused': [['b']],
					'setup refused, undo ran': [['before']],
					'setup ran, undo ran': [['a'], ['b']],
				};
				expect(allowed[outcome], outcome).toContainEqual(now);
				// Whatever happened, undo to the end puts the machine back as it was before any setup.
				for (let undos = 0; !states(trees, await exactTree(root)).includes('before'); undos++) {
					expect(undos, 'undos needed').toBeLessThan(2);
					const more = await runCli(['undo', '--yes', '--root', root]);
					expect(more.exitCode, more.stderr).toBe(0);
				}
			},
		);
		console.log(`setup/undo pairs: ${JSON.stringify(figures)}`);
	});

	it('takes over a stale lock (its process gone) and says so; refuses a live one at once, but not to plan or status', async () => {
		const root = await tempRoot();
		await mkdir(path.join(root, 'var/lib/mesos-setup'), {recursive: true});
		await symlink('999999 2020-01-02T03:04:05.000Z setup', path.join(root, 'var/lib/mesos-setup/run.lock'));
		const taken = await runCli(['setup', '--yes', '--root', root]);
		expect(taken.exitCode).toBe(0);
		expect(taken.stderr).toContain(`An earlier mesos-setup (setup, PID 999999, since ${localTime('2020-01-02T03:04:05.000Z')}) ended without releasing its lock; it no longer runs, so this run took the lock over.`);
		// A live holder: this test's own process, as if it were a run that started now.
		await symlink(`${process.pid} ${new Date().toISOString()} edit`, path.join(root, 'var/lib/mesos-setup/run.lock'));
		const refused = await runCli(['undo', '--yes', '--root', root]);
		expect(refused.exitCode).toBe(1);
		expect(refused.stderr).toContain(`another mesos-setup (edit, PID ${process.pid}) has been running here since`);
		expect(refused.stderr).toContain(`stop it (kill ${process.pid})`);
		// Reading needs no lock: plan and status still answer while a run holds it.
		expect((await runCli(['plan', '--root', root])).exitCode).toBe(0);
		expect((await runCli(['status', '--once', '--root', root])).stderr).not.toMatch(refusal);
	});
});
