// How a value is kept in its file: the storage kind decides how the file is read (the value a
// setting holds now), how it is edited (the FileEdit a plan action carries) and so what the
// preview shows and the write lands (newContent in file-content.ts). The catalogue says which
// kind each setting and each of the installer's own files uses; nothing here knows a path.
import {envText, type KeyEdit, readEnvKey, readProperty, readServers, readWholeFile, wholeFileContent} from './file-formats.js';
import {parseServers} from './validate.js';

export type Storage =
	| {kind: 'whole'} // the file holds the value and a final newline
	| {kind: 'env'; key: string} // KEY=VALUE in a shell environment file, other lines kept
	| {kind: 'properties'; key: string} // key=value in a Java properties file, other lines kept
	| {kind: 'servers'}; // the server.N=host:2888:3888 lines of zoo.cfg

export type Location = {path: string; storage: Storage};

// What a file action does to its file: the bytes of a whole file, or keys set in one.
export type FileEdit =
	| {format: 'whole'; content: string; copyOf?: string}
	| {format: 'env'; keys: KeyEdit[]}
	// `base`: what the file starts from where none exists (the package's sample).
	| {format: 'properties'; keys: KeyEdit[]; servers?: KeyEdit[]; base?: string}
	// No file at all: a setting whose empty value writes nothing (master.ip) was emptied, so the
	// file an earlier value wrote goes (through the journal, so undo puts it back).
	| {format: 'absent'};

// One value as its file keeps it.
export type StoredValue = {storage: Storage; value: string};

// A line a file must hold besides its settings (zoo.cfg's admin server and four-letter words),
// with the reason the preview shows.
export type FixedLine = {key: string; value: string; why: string};

// What a file holds besides its settings: its fixed lines, and what it starts from where none exists.
export type FileShape = {fixed: readonly FixedLine[]; base?: string};

// The value a file holds for one setting, or undefined where it holds none.
export function readStored(storage: Storage, content: string): string | undefined {
	switch (storage.kind) {
		case 'whole': {
			const value = readWholeFile(content);
			return value === '' ? undefined : value;
		}
		case 'env':
			return readEnvKey(content, storage.key);
		case 'properties':
			return readProperty(content, storage.key);
		case 'servers':
			return readServers(content);
	}
}

// A properties file (zoo.cfg) is set from every setting it holds at once: ZooKeeper reads its
// server lines and dataDir together, so an edit of one writes the others as they stand.
export const setsEveryValue = (storage: Storage): boolean => storage.kind === 'properties' || storage.kind === 'servers';

const serverEdits = (value: string): KeyEdit[] =>
	(parseServers(value) ?? []).map(s => ({key: `server.${s.id}`, text: `${s.host}:${s.peerPort}:${s.electionPort}`}));

// The edit that writes these values (all kept in one file, in this order) into a file of that shape.
// copyOf: the file is a copy of another (a whole file whose value follows that one's).
export function editOf(stored: readonly StoredValue[], shape: FileShape = {fixed: []}, copyOf?: string): FileEdit {
	const {fixed, base} = shape;
	const [first] = stored;
	if (first?.storage.kind === 'whole') return {format: 'whole', content: wholeFileContent(first.value), ...(copyOf ? {copyOf} : {})};
	const keys: KeyEdit[] = [];
	let servers: KeyEdit[] | undefined;
	for (const {storage, value} of stored) {
		if (storage.kind === 'env') keys.push({key: storage.key, text: envText(value)});
		else if (storage.kind === 'properties') keys.push({key: storage.key, text: value});
		else if (storage.kind === 'servers') servers = serverEdits(value);
	}
	if (first?.storage.kind === 'env') return {format: 'env', keys: [...keys, ...fixed.map(line => ({key: line.key, text: envText(line.value)}))]};
	return {format: 'properties', keys: [...keys, ...fixed.map(line => ({key: line.key, text: line.value}))], ...(servers ? {servers} : {}), ...(base === undefined ? {} : {base})};
}

// What the preview says of each fixed line.
export const fixedLineNotes = (fixed: readonly FixedLine[]): string[] => fixed.map(line => `${line.key}=${line.value}: ${line.why}`);
