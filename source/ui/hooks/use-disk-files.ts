// What some files hold on the target machine now, read through the System (undefined: absent),
// for previews. Read again whenever `refresh` changes, such as after a write.
import {useEffect, useState} from 'react';
import {errorMessage} from '../../model/errors.js';
import {useSystem} from './use-system.js';

export type DiskFiles = {files?: ReadonlyMap<string, string | undefined>; error?: string};

export function useDiskFiles(paths: readonly string[], refresh: unknown = undefined): DiskFiles {
	const system = useSystem();
	const [read, setRead] = useState<DiskFiles>({});
	const key = paths.join('\n');
	useEffect(() => {
		let current = true;
		setRead({});
		Promise.all(key.split('\n').filter(Boolean).map(async path => [path, await system.fs.read(path)] as const)).then(
			entries => {
				if (current) setRead({files: new Map(entries)});
			},
			(error: unknown) => {
				if (current) setRead({error: errorMessage(error)});
			},
		);
		return () => {
			current = false;
		};
	}, [system, key, refresh]);
	return read;
}
