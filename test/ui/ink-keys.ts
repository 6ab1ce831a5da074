// Typing into an ink-testing-library app and waiting for what it draws: tests wait for content,
// never for a guessed time.
import {expect} from 'vitest';

export const keys = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	backspace: '\u007F',
	ctrlC: '\u0003',
};

type Frames = {lastFrame: () => string | undefined};

// Polls the last frame until it holds `text` (or matches it, or passes it), failing with the frame it saw.
export async function waitForFrame(app: Frames, text: string | RegExp | ((frame: string) => boolean), timeoutMs = 10_000): Promise<string> {
	const until = Date.now() + timeoutMs;
	const holds = (frame: string): boolean => (typeof text === 'string' ? frame.includes(text) : text instanceof RegExp ? text.test(frame) : text(frame));
	for (;;) {
		const frame = app.lastFrame() ?? '';
		if (holds(frame)) return frame;
		if (Date.now() > until) {
			expect.fail(`waited ${timeoutMs} ms for ${String(text)}; the screen shows:\n${frame}`);
		}
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

const turn = () => new Promise(resolve => setImmediate(resolve));

// Sends keys one at a time, each once the app has settled: React attaches the key handlers of a
// screen that has just been drawn in effects it runs a few turns of the event loop later, and
// Ink reads a lone Esc only on a later turn (it might begin an arrow key). Three turns were
// needed; four leave a margin.
export async function press(app: {stdin: {write(data: string): void}}, ...sequence: string[]): Promise<void> {
	for (const key of sequence) {
		for (let t = 0; t < 4; t++) await turn();
		app.stdin.write(key);
	}
	for (let t = 0; t < 4; t++) await turn();
}
