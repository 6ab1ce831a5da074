// Reads a file a person hands to mesos-setup (--answers FILE, a cluster file): a regular file of
// at most 1 MB, in UTF-8. A FIFO or a device is refused at once instead of being waited on, and a
// file over the limit before it is read, so bad input never hangs a run or fills its memory.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {errorMessage, InputError} from '../model/errors.js';
import {kindOf} from './target-fs.js';

export const inputFileLimit = 1_048_576;

// `name` is what messages call it ("answers file"); `holds` says why the limit is ample.
export type InputFileKind = {name: string; holds: string};

export async function readInputFile(file: string, kind: InputFileKind): Promise<string> {
	const the = `the ${kind.name} ${file}`;
	let handle;
	try {
		// Non-blocking, so opening a FIFO does not wait for a writer.
		handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		throw new InputError([`cannot read the ${kind.name} ${file}: ${errorMessage(error)}`]);
	}
	let bytes: Buffer;
	try {
		const info = await handle.stat();
		if (!info.isFile()) throw new InputError([`${the} is a ${kindOf(info)}, not a regular file: give a JSON or YAML file.`]);
		const tooBig = (size: string) => new InputError([`${the} is ${size}; ${/^[aeiou]/.test(kind.name) ? 'an' : 'a'} ${kind.name} may be at most 1 MB (${inputFileLimit} bytes): ${kind.holds}.`]);
		if (info.size > inputFileLimit) throw tooBig(`${info.size} bytes`);
		// At most one byte more than allowed is read, in case the file grows while it is read.
		const buffer = Buffer.alloc(inputFileLimit + 1);
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
		if (bytesRead > inputFileLimit) throw tooBig('more than that');
		bytes = buffer.subarray(0, bytesRead);
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError([`cannot read the ${kind.name} ${file}: ${errorMessage(error)}`]);
	} finally {
		await handle.close();
	}
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch (error) {
		throw new InputError([`${the} is not UTF-8 text (${errorMessage(error)}).`]);
	}
}
