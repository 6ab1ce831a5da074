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

	it('tells its listeners at most 30 times a second however fast lines come', () => {
		vi.useFakeTimers();
		const buffer = new LogBuffer(100);
		const told: number[] = [];
		buffer.subscribe(() => told.push(Date.now()));
		// 10,000 lines spread over one second.
		for (let ms = 0; ms < 1000; ms++) {
			for (let i = 0; i < 10; i++) buffer.push(`line ${ms}.${i}`);
			vi.advanceTimersByTime(1);
		}
		vi.advanceTimersByTime(100);
		expect(told.length).toBeGreaterThan(25);
		const gaps = told.slice(1).map((at, i) => at - (told[i] ?? 0));
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(33);
		expect(buffer.version()).toBe(10_000);
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
