// A throwaway folder used as --root; removed after each test that made one.
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';

const made: string[] = [];

afterEach(async () => {
	await Promise.all(made.splice(0).map(dir => rm(dir, {recursive: true, force: true})));
});

export async function tempRoot(prefix = 'mesos-setup-test-'): Promise<string> {
	const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
	made.push(dir);
	return dir;
}
