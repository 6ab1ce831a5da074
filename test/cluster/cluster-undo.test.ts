// cluster undo once every node is checked: a node that fails part way (its SSH drops: here its file
// system refuses after the first removal) fails alone; every other node is still put back to its end
// and said so, and nothing claims that nothing was changed. Real sandboxes, from the built CLI's
// rehearsal.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {expect, it} from 'vitest';
import {nodeEndLine, partlyUndoneLines} from '../../source/model/cluster-undo.js';
import {createSystem, type System} from '../../source/system/system.js';
import {undoEveryNode} from '../../source/use-cases/cluster-undo.js';
import {runCli} from '../helpers/cli.js';
import {tempRoot} from '../helpers/temp-root.js';
import {ownBookkeeping, readTree} from '../helpers/tree.js';
import {issueClusterFile} from '../fixtures/issue-cluster-file.js';

// m2's connection drops after its first removal.
function dropsAfterOneRemoval(system: System): System {
	let removals = 0;
	const remove: System['fs']['remove'] = async target => {
		removals += 1;
		if (removals > 1) throw new Error('m2 (10.77.0.12) cannot be reached over SSH: the connection was closed');
		return system.fs.remove(target);
	};
	return {...system, fs: {...system.fs, remove}};
}

it('a node failing part way fails alone: the others are put back, each said per node', {timeout: 120_000}, async () => {
	const file = path.join(await tempRoot(), 'cluster.yaml');
	await writeFile(file, issueClusterFile());
	const root = await tempRoot();
	expect((await runCli(['cluster', 'setup', file, '--yes', '--root', root])).exitCode).toBe(0);
	const names = ['m1', 'm2', 'm3', 'a1', 'a2'];
	const nodes = await Promise.all(
		names.map(async node => {
			const system = await createSystem({root: path.join(root, node)});
			return {node, system: node === 'm2' ? dropsAfterOneRemoval(system) : system};
		}),
	);
	const lines: string[] = [];
	const results = await undoEveryNode(nodes, {rehearsed: true, onEvent: event => event.type === 'notice' && lines.push(`${event.node ?? ''}: ${event.line}`)});
	expect(results.map(result => [result.node, result.outcome])).toEqual([['m1', 'undone'], ['m2', 'failed'], ['m3', 'undone'], ['a1', 'undone'], ['a2', 'undone']]);
	for (const name of ['m1', 'm3', 'a1', 'a2']) expect(await readTree(path.join(root, name), ownBookkeeping)).toEqual({});
	// m2 is only partly undone, and says so.
	expect(Object.keys(await readTree(path.join(root, 'm2'), ownBookkeeping)).length).toBeGreaterThan(0);
	expect(nodeEndLine(results[1] as (typeof results)[number])).toMatch(/^m2: failed part way through putting back run \S+: m2 \(10\.77\.0\.12\) cannot be reached over SSH/);
	const said = partlyUndoneLines(results).join('\n');
	expect(said).toContain('Not every node was put back: m2 failed part way (above); m1, m3, a1, a2 were put back.');
	expect(said).not.toContain('Nothing was changed');
	// Every node named its run before any changed.
	for (const name of names) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${name}: puts back run \\S+, a setup started `)));
});
