// What a file will hold after an action, given what it holds now (undefined: absent). Pure, so the
// preview and the write compute the same bytes.
import {setEnvKeys, setProperties, setServers} from './file-formats.js';
import type {FileEdit} from './plan.js';

export function newContent(edit: FileEdit, old: string | undefined): string {
	switch (edit.format) {
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
