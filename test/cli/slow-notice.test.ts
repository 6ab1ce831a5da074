// The notice of a slow package source (commands/slow-notice.ts), on fake timers: said once when the
// planning is still under way after a second, never when it settled first, and never where nothing
// is read (the packages are installed: their layout is read as installed).
import {afterEach, describe, expect, it, vi} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {articleMachine} from '../../source/model/facts.js';
import {readingSourceLine, sayIfSlow, sayReading} from '../../source/commands/slow-notice.js';

afterEach(() => {
	vi.useRealTimers();
});

const later = <T>(ms: number, value: T): Promise<T> => new Promise(resolve => setTimeout(() => resolve(value), ms));

describe('sayIfSlow', () => {
	it('says it once when the work is still under way after a second, and the work’s answer is kept', async () => {
		vi.useFakeTimers();
		const said: string[] = [];
		const answer = sayIfSlow(later(1_500, 'plan'), () => said.push('waiting'));
		await vi.advanceTimersByTimeAsync(999);
		expect(said).toEqual([]);
		await vi.advanceTimersByTimeAsync(501);
		await expect(answer).resolves.toBe('plan');
		expect(said).toEqual(['waiting']);
		await vi.advanceTimersByTimeAsync(10_000);
		expect(said).toEqual(['waiting']);
	});

	it('says nothing for work that settles within the second, a failure included, nor afterwards', async () => {
		vi.useFakeTimers();
		const said: string[] = [];
		const quick = sayIfSlow(later(999, 'plan'), () => said.push('waiting'));
		await vi.advanceTimersByTimeAsync(999);
		await expect(quick).resolves.toBe('plan');
		const failed = sayIfSlow(Promise.reject(new Error('bad answers')), () => said.push('waiting'));
		await expect(failed).rejects.toThrow('bad answers');
		await vi.advanceTimersByTimeAsync(5_000);
		expect(said).toEqual([]);
		expect(vi.getTimerCount()).toBe(0);
	});
});

describe('what the notice says', () => {
	const nothingInstalled = {versions: {}};
	it('names the index of an apt source, and the folder of a folder source', () => {
		expect(readingSourceLine(resolveValues({}), nothingInstalled)).toBe(
			'Reading the package index at http://repos.mesosphere.io to learn where its packages will keep their files (a slow mirror is given 20 s a request)…',
		);
		expect(readingSourceLine(resolveValues({'repo.source': 'folder', 'repo.folder': '/srv/debs'}), nothingInstalled)).toBe('Reading the packages in /srv/debs to learn where they will keep their files…');
	});

	it('says nothing where the packages are installed: nothing is read from the source then', () => {
		const installed = {versions: {...articleMachine.versions, mesos: '1.11.0', marathon: '1.10.26'}};
		expect(readingSourceLine(resolveValues({}), installed)).toBeUndefined();
		const said: string[] = [];
		sayReading(line => said.push(line), () => resolveValues({}), installed)();
		expect(said).toEqual([]);
		sayReading(line => said.push(line), () => resolveValues({}), {versions: {mesos: '1.11.0'}})();
		expect(said).toHaveLength(1);
	});
});
