import {afterEach, describe, expect, it, vi} from 'vitest';
import {LogBuffer} from '../../source/ui/components/log-pane/log-buffer.js';

afterEach(() => {
	vi.useRealTimers();
});

describe('LogBuffer', () => {
	it('keeps only the last lines it has room for, counting every one', () => {
		const buffer = new LogBuffer(3);
		for (let i = 1; i <= 10; i++) buffer.push(`line ${i}`);
		expect(buffer.tail(10).map(l => l.text)).toEqual(['line 8', 'line 9', 'line 10']);
		expect(buffer.tail(2).map(l => l.text)).toEqual(['line 9', 'line 10']);
		expect(buffer.total).toBe(10);
	});

	it('strips colour codes and keeps the last state of a carriage-return progress line', () => {
		const buffer = new LogBuffer(5);
		buffer.push('\u001B[32mok\u001B[0m done');
		buffer.push('Progress: 10%\rProgress: 50%\rProgress: 100%', 'stderr');
		buffer.push('two\nlines');
		expect(buffer.tail(4)).toEqual([
			{text: 'ok done', stderr: false},
			{text: 'Progress: 100%', stderr: true},
			{text: 'two', stderr: false},
			{text: 'lines', stderr: false},
		]);
	});

	const toldOver = (buffer: LogBuffer, linesPerMs: number): number[] => {
		const told: number[] = [];
		buffer.subscribe(() => told.push(Date.now()));
		for (let ms = 0; ms < 1000; ms++) {
			for (let i = 0; i < linesPerMs; i++) buffer.push(`line ${ms}.${i}`);
			vi.advanceTimersByTime(1);
		}
		vi.advanceTimersByTime(200);
		return told;
	};
	const gapsOf = (told: number[]): number[] => told.slice(1).map((at, i) => at - (told[i] ?? 0));

	it('tells its listeners at most 30 times a second however fast lines come', () => {
		vi.useFakeTimers();
		const buffer = new LogBuffer(100);
		// 3,000 lines spread over one second: 100 a frame, as many as the ring holds.
		const told = toldOver(buffer, 3);
		expect(told.length).toBeGreaterThan(25);
		expect(Math.min(...gapsOf(told))).toBeGreaterThanOrEqual(33);
		expect(buffer.version()).toBe(3000);
	});

	it('tells them 10 times a second while more lines come between two frames than the ring holds', () => {
		vi.useFakeTimers();
		const buffer = new LogBuffer(100);
		// 20,000 lines in one second: most never shown whatever the frame rate.
		const told = toldOver(buffer, 20);
		expect(told.length).toBeLessThanOrEqual(12);
		expect(Math.min(...gapsOf(told).slice(1))).toBeGreaterThanOrEqual(100);
		expect(buffer.version()).toBe(20_000);
	});

	it('draws a firehose less often when its frames are dear, so they take a twentieth of the time, yet twice a second', async () => {
		vi.useFakeTimers();
		const paced = async (frameMs: number): Promise<number[]> => {
			const buffer = new LogBuffer(100);
			const told: number[] = [];
			// A listener whose frame takes frameMs to draw (the clock moves on, no timer fires).
			buffer.subscribe(() => {
				told.push(Date.now());
				vi.setSystemTime(Date.now() + frameMs);
			});
			for (let ms = 0; ms < 3000; ms++) {
				for (let i = 0; i < 20; i++) buffer.push(`line ${ms}.${i}`);
				await vi.advanceTimersByTimeAsync(1);
			}
			return gapsOf(told).slice(2);
		};
		// 10 ms a frame: 200 ms between frames (10 ms of 200 is a twentieth).
		for (const gap of await paced(10)) expect(gap).toBeGreaterThanOrEqual(200);
		// 2 ms a frame: the firehose's 10 a second.
		const cheap = await paced(2);
		expect(Math.min(...cheap)).toBeGreaterThanOrEqual(100);
		expect(Math.max(...cheap)).toBeLessThan(150);
		// 60 ms a frame would be 1.2 s apart: still twice a second.
		for (const gap of await paced(60)) expect(gap).toBeLessThanOrEqual(500 + 60 + 1);
	});

	it('tells listeners at once on flush, so the last lines show when a command ends', () => {
		const buffer = new LogBuffer(10);
		let told = 0;
		buffer.subscribe(() => told++);
		buffer.push('last line');
		buffer.flush();
		expect(told).toBe(1);
		expect(buffer.version()).toBe(1);
	});
});
