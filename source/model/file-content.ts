// What a file will hold after an action, given what it holds now (undefined: absent; after an
// 'absent' edit, undefined: the file is removed). Pure, so the preview and the write compute the
// same bytes.
import {setEnvKeys, setProperties, setServers} from './file-formats.js';
import type {FileEdit} from './storage.js';

export function newContent(edit: FileEdit, old: string | undefined): string | undefined {
	switch (edit.format) {
		case 'absent':
			return undefined;
		case 'whole':
			return edit.content;
		case 'env':
			return setEnvKeys(old ?? '', edit.keys);
		case 'properties': {
			const start = old ?? edit.base ?? '';
			const withServers = edit.servers ? setServers(start, edit.servers) : start;
			return setProperties(withServers, edit.keys);
		}
	}
}
