// The screens' first frame comes before the machine is looked at (AppWhenReady), so bad input a
// terminal run finds while preparing (a --set, an answers file) ends that frame: what was wrong is
// said in its place, the exit is 2 and nothing is written. Needs dist/cli.js (npm test builds it).
import {readdir} from 'node:fs/promises';
import {expect, it} from 'vitest';
import {exitShown, startBuiltCli} from '../helpers/built-cli.js';
import {tempRoot} from '../helpers/temp-root.js';

it('says bad input found behind the first frame in its place, exits 2 and writes nothing', async () => {
	const root = await tempRoot();
	const session = await startBuiltCli({name: 'first-frame-bad-set', args: ['setup', '--set', 'zookeeper.myid=0', '--root', root], showExitStatus: true});
	expect(await exitShown(session)).toBe(2);
	const screen = await session.capture();
	expect(screen).toContain('zookeeper.myid');
	expect(screen).toContain('Nothing was changed.');
	expect(screen).not.toContain('looking at this machine');
	expect(await readdir(root)).toEqual([]);
});
