// A terminal as Ink sees one (a size, isTTY, write), for benchmarks that render into it: it
// notes when a frame shows the text it waits for.
import {EventEmitter} from 'node:events';

export class TerminalSink extends EventEmitter {
	isTTY = true;
	columns = 120;
	rows = 40;
	awaited = '';
	shown = false;
	write(chunk: string): boolean {
		if (this.awaited && chunk.includes(this.awaited)) this.shown = true;
		return true;
	}
}
