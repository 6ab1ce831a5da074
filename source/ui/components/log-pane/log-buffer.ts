// A command's output kept outside React: a fixed-size ring of the last lines, cleaned of colour
// codes and carriage-return progress, whose listeners are told at most 30 times a second, and less
// often while a flood of lines comes. A pane that kept every line in React state and re-rendered per
// line took 46 s for 80,000 lines; this keeps up with hundreds of thousands a second. A line is
// cleaned when it is shown, not when it comes: at that rate most lines leave the ring before any
// frame shows them.
import {cleanLine} from '../../../model/terminal-text.js';

export type LogLine = {text: string; stderr: boolean};

export const flushesPerSecond = 30;
// A firehose (more lines between two frames than the ring holds, so most are never shown) is drawn
// at most 10 times a second, and less often when a frame is dear: nobody reads it line by line, and
// each frame is time taken from reading the command's output, in the same thread (Ink lays out and
// diffs the whole screen, character by character: 10 to 30 ms for a pane of 30 lines on this
// machine). So the frames of a firehose take at most a twentieth of the time, and come at least
// twice a second, so the pane still moves.
export const firehoseFlushesPerSecond = 10;
const firehoseFrameShare = 1 / 20;
const firehoseSlowestGapMs = 500;

export class LogBuffer {
	private readonly texts: string[];
	private readonly stderr: boolean[];
	private start = 0;
	private size = 0;
	private pushed = 0;
	private flushed = 0;
	private lastFlush = 0;
	// Lines that came between the last two flushes.
	private lastBurst = 0;
	// How long the listeners took to draw the last flush (ms).
	private lastFrameMs = 0;
	private timer: NodeJS.Timeout | undefined;
	private readonly listeners = new Set<() => void>();

	constructor(
		readonly capacity = 500,
		private readonly flushMs = 1000 / flushesPerSecond,
	) {
		this.texts = new Array<string>(capacity);
		this.stderr = new Array<boolean>(capacity);
	}

	// Every line ever pushed, including the ones the ring has dropped.
	get total(): number {
		return this.pushed;
	}

	push(raw: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
		// Output that did not come through the command runner may still hold several lines; a line
		// from the runner is kept without a split (no array for each of a flood of lines).
		if (raw.includes('\n')) for (const part of raw.split('\n')) this.keep(part, stream);
		else this.keep(raw, stream);
		this.schedule();
	}

	private keep(line: string, stream: 'stdout' | 'stderr'): void {
		const slot = (this.start + this.size) % this.capacity;
		this.texts[slot] = line;
		this.stderr[slot] = stream === 'stderr';
		if (this.size < this.capacity) this.size++;
		else this.start = (this.start + 1) % this.capacity;
		this.pushed++;
	}

	// The last `count` lines, oldest first.
	tail(count: number): LogLine[] {
		const n = Math.min(Math.max(count, 0), this.size);
		const lines: LogLine[] = [];
		for (let i = this.size - n; i < this.size; i++) {
			const slot = (this.start + i) % this.capacity;
			lines.push({text: cleanLine(this.texts[slot] ?? ''), stderr: this.stderr[slot] ?? false});
		}
		return lines;
	}

	// For useSyncExternalStore: changes only when listeners are told, so React renders at most
	// as often as the buffer flushes.
	readonly version = (): number => this.flushed;

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	// Tells listeners now: at the end of a command, so its last lines show without waiting.
	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.lastFlush = Date.now();
		this.lastBurst = this.pushed - this.flushed;
		this.flushed = this.pushed;
		const began = this.lastFlush;
		for (const listener of this.listeners) listener();
		// React renders what a listener asked for in a microtask queued while it was told (Ink draws
		// the frame in that render's commit): this one, queued after, ends once the frame is drawn.
		if (this.listeners.size > 0) queueMicrotask(() => (this.lastFrameMs = Date.now() - began));
	}

	private schedule(): void {
		if (this.timer) return;
		const every = this.lastBurst > this.capacity ? firehoseGapMs(this.flushMs, this.lastFrameMs) : this.flushMs;
		const wait = Math.max(0, this.lastFlush + every - Date.now());
		this.timer = setTimeout(() => this.flush(), wait);
	}
}

// The time between two frames of a firehose, given what the last one took to draw.
function firehoseGapMs(flushMs: number, frameMs: number): number {
	return Math.min(firehoseSlowestGapMs, Math.max(flushMs, 1000 / firehoseFlushesPerSecond, frameMs / firehoseFrameShare));
}
