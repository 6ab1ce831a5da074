// Where keys go. One subscriber reads the terminal (KeyRouterProvider); the screen shown last
// registers a handler and gets every key, one at a time, in order. A screen that hands over to
// another (the menu opening edit) holds the keys: those typed in the same read wait for the next
// screen's handler instead of reaching the screen that is leaving. Ctrl+C and a signal (SIGTERM)
// are "stop" rather than keys: the screen's stop handler decides (the wizard asks first, then
// stops what runs); without one the program ends with 130.
import type {KeyPress} from './split-keys.js';

export type KeyHandler = (press: KeyPress) => void;

// 'ctrl-c' is typed and may be answered with a question; 'signal' came from outside and stops now.
export type StopReason = 'ctrl-c' | 'signal';
export type StopHandler = (reason: StopReason) => void;

// Keys typed while no screen listens are kept, up to this many (a paste into a loading screen).
const queueLimit = 256;

export class KeyRouter {
	private readonly keyHandlers: KeyHandler[] = [];
	private readonly stopHandlers: StopHandler[] = [];
	private readonly waiting: KeyPress[] = [];
	private held = false;

	constructor(private readonly fallbackStop: (reason: StopReason) => void) {}

	// The newest handler gets the keys; the returned function removes it.
	listen(handler: KeyHandler): () => void {
		this.keyHandlers.push(handler);
		this.held = false;
		this.drain();
		return () => {
			const at = this.keyHandlers.lastIndexOf(handler);
			if (at >= 0) this.keyHandlers.splice(at, 1);
		};
	}

	onStop(handler: StopHandler): () => void {
		this.stopHandlers.push(handler);
		return () => {
			const at = this.stopHandlers.lastIndexOf(handler);
			if (at >= 0) this.stopHandlers.splice(at, 1);
		};
	}

	// The screen is handing over: keys wait for the next handler.
	hold(): void {
		this.held = true;
	}

	deliver(presses: readonly KeyPress[]): void {
		for (const press of presses) {
			if (press.ctrl && press.text === 'c') {
				this.stop('ctrl-c');
				continue;
			}
			if (this.waiting.length < queueLimit) this.waiting.push(press);
			this.drain();
		}
	}

	stop(reason: StopReason): void {
		const handler = this.stopHandlers.at(-1);
		if (handler) handler(reason);
		else this.fallbackStop(reason);
	}

	private drain(): void {
		while (!this.held && this.waiting.length > 0) {
			const handler = this.keyHandlers.at(-1);
			const press = this.waiting[0];
			if (!handler || !press) return;
			this.waiting.shift();
			handler(press);
		}
	}
}
