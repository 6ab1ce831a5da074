// Typing into an ink-testing-library app and waiting for what it draws, as a person would: a key
// is handled when the frame changes, never after a counted number of event-loop turns.
//
// Why this is enough: Ink hands what stdin gives it to the screens at once (a lone Esc on the next
// turn, as it might begin an arrow key), the key router queues keys for a screen that is not yet
// listening, and a screen reads its state at each key; so once Ink reads stdin at all, a key is
// never lost, and its effect shows in the next frame. Before that, a key written is dropped: the
// first one waits until Ink listens to stdin (as the tmux driver waits for raw mode).
import {keys} from './keys.js';
import {waitFor} from './wait-for.js';

export type InkApp = {lastFrame: () => string | undefined; stdin: {write(data: string): void; listenerCount(event: string): number}};

type FrameTest = string | RegExp | ((frame: string) => boolean);

const holds = (frame: string, test: FrameTest): boolean => (typeof test === 'string' ? frame.includes(test) : test instanceof RegExp ? test.test(frame) : test(frame));

// The last frame once it holds `text` (or matches it, or passes it); fails with the frame it saw.
export async function waitForFrame(app: Pick<InkApp, 'lastFrame'>, text: FrameTest, timeoutMs = 10_000): Promise<string> {
	try {
		return await waitFor(String(text), () => {
			const frame = app.lastFrame() ?? '';
			return holds(frame, text) ? frame : undefined;
		}, timeoutMs);
	} catch (error) {
		throw new Error(`${(error as Error).message}; the screen shows:\n${app.lastFrame() ?? ''}`, {cause: error});
	}
}

// Until Ink reads stdin (its first frame's effects turn raw mode on and add the listener). press
// waits for it; a test that writes a read of its own (keys arriving together) calls it first.
export async function readsKeys(app: InkApp): Promise<void> {
	await waitFor('the app to read keys (a stdin listener)', () => app.stdin.listenerCount('readable') > 0, 10_000);
}

const named = (key: string): string => Object.entries(keys).find(([, bytes]) => bytes === key)?.[0] ?? JSON.stringify(key);

// Each key, one at a time, once the frame has changed after the one before. A key that changes
// nothing on screen fails here: send it with pressExpectingNoChange.
export async function press(app: InkApp, ...sequence: string[]): Promise<string> {
	await readsKeys(app);
	let frame = app.lastFrame() ?? '';
	for (const key of sequence) {
		const before = app.lastFrame();
		app.stdin.write(key);
		try {
			frame = await waitFor(`the screen to answer ${named(key)}`, () => (app.lastFrame() !== before ? (app.lastFrame() ?? '') : undefined), 10_000);
		} catch (error) {
			throw new Error(`${(error as Error).message} (a key that changes nothing is sent with pressExpectingNoChange); the screen shows:\n${before ?? ''}`, {cause: error});
		}
	}
	return frame;
}

// A key whose effect is not on this screen: a refusal, or a call to whoever showed the screen
// (leave, quit, a value passed on). Written once Ink reads keys; Ink hands it to the screen as it
// comes (a lone Esc a turn later), so the caller waits for the effect itself (waitFor on the call)
// or lets the next press show that nothing changed.
export async function pressExpectingNoChange(app: InkApp, key: string): Promise<void> {
	await readsKeys(app);
	app.stdin.write(key);
}
