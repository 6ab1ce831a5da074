// Reads a file a person hands to mesos-setup (--answers FILE, a cluster file): a regular file of
// at most 1 MB, in UTF-8. A FIFO or a device is refused at once instead of being waited on, and
// a huge file before it is read, so bad input never hangs a run or fills its memory.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {errorMessage, InputError} from '../model/errors.js';
import {show} from '../model/shown-value.js';

export const inputFileLimit = 1_048_576;

const kindOf = (info: {isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean}): string =>
	info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device';

// `what` names the file in messages: "the answers file", "the cluster file".
export async function readInputFile(file: string, what: string): Promise<string> {
	let handle;
	try {
		// Non-blocking, so opening a FIFO does not wait for a writer.
		handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw new InputError([`cannot read ${what} ${show(file)}: ${errorMessage(error)}`]);
	}
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new InputError([`${what} ${show(file)} is ${kindOf(info)}, not a regular file: give the path of a JSON or YAML file.`]);
		if (info.size > inputFileLimit) {
			throw new InputError([`${what} ${show(file)} is ${info.size} bytes; at most ${inputFileLimit} bytes (1 MB) are read: give a file with just the settings.`]);
		}
		const bytes = await handle.readFile();
		// A file that grew after the check is still cut off here, not read to its end.
		if (bytes.length > inputFileLimit) throw new InputError([`${what} ${show(file)} is over ${inputFileLimit} bytes (1 MB).`]);
		try {
			return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
		} catch {
			throw new InputError([`${what} ${show(file)} is not UTF-8 text: save it as UTF-8.`]);
		}
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError([`cannot read ${what} ${show(file)}: ${errorMessage(error)}`]);
	} finally {
		await handle.close();
	}
}
