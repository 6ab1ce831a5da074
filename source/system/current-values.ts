// Reads every file that holds a setting, so the model can say what the machine runs now.
import {type Answers, resolveValues, type Values} from '../model/answers.js';
import {type CurrentValues, currentValues, type FileContents, settingFiles} from '../model/current-values.js';
import {filesSignature} from './file-signature.js';
import type {System} from './system.js';

export async function readSettingFiles(system: Pick<System, 'fs' | 'facts'>): Promise<FileContents> {
	const paths = settingFiles(system.facts);
	const contents = await Promise.all(paths.map(path => system.fs.read(path)));
	return Object.fromEntries(paths.map((path, i) => [path, contents[i]]));
}

// `saved` is what the answers say (saved state, --answers, --set); the disk wins where it differs.
export async function readCurrentValues(system: Pick<System, 'fs' | 'facts'>, saved: Answers): Promise<CurrentValues> {
	return currentValues(await readSettingFiles(system), saved, system.facts);
}

// For status, which must show something: the saved answers stand in when the files cannot be read
// (the probes then say whatever is wrong).
export async function readValuesForStatus(system: Pick<System, 'fs' | 'facts'>, saved: Answers): Promise<Values> {
	try {
		return (await readCurrentValues(system, saved)).values;
	} catch (error) {
		// Only a file that cannot be read falls back; anything else is a bug and must show.
		if (!(error as NodeJS.ErrnoException).code) throw error;
		return resolveValues(saved);
	}
}

// The live status reads the values every 2 s; the files that hold them rarely change. This reads
// them again only when one of them did (its inode, size or modification time, one stat each) or
// the saved answers are other ones; otherwise it gives the values it read last.
export function valuesForStatusWhenChanged(system: Pick<System, 'fs' | 'facts'>): (saved: Answers) => Promise<Values> {
	let last: {signature: string; saved: Answers; values: Values} | undefined;
	return async saved => {
		const signature = filesSignature(system.fs, settingFiles(system.facts));
		if (last?.signature === signature && last.saved === saved) return last.values;
		const values = await readValuesForStatus(system, saved);
		last = {signature, saved, values};
		return values;
	};
}
