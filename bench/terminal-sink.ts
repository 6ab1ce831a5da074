// A terminal as Ink sees one (a size, isTTY, write), for benchmarks that render into it: it
// counts the frames written, keeps the last one, and notes when a frame shows the text it waits for.
import {EventEmitter} from 'node:events';
import {stripVTControlCharacters} from 'node:util';

export class TerminalSink extends EventEmitter {
	isTTY = true;
	columns = 120;
	rows = 40;
	awaited = '';
	shown = false;
	writes = 0;
	// The last write with visible text: Ink (outside CI) writes each frame whole, after the codes
	// that erase the one before, between the synchronized-update marks it writes apart.
	frame = '';
	write(chunk: string): boolean {
		this.writes++;
		if (stripVTControlCharacters(chunk).trim() !== '') this.frame = chunk;
		if (this.awaited && chunk.includes(this.awaited)) this.shown = true;
		return true;
	}
}
