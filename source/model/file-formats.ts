// Reading and editing the three kinds of file the catalogue names. Edits keep every other line
// and comment as it was; a key that is absent is added at the end.

export const wholeFileContent = (value: string): string => `${value}\n`;

export const readWholeFile = (content: string): string => content.trim();

// Shell environment files are sourced by the init scripts, so a value with blanks is quoted.
export function envText(value: string): string {
	if (/^[\w/.:,@%+=-]*$/.test(value)) return value;
	return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

function unquote(text: string): string {
	const trimmed = text.trim();
	const double = /^"((?:[^"\\]|\\.)*)"/.exec(trimmed);
	if (double) return (double[1] ?? '').replace(/\\(.)/g, '$1');
	const single = /^'([^']*)'/.exec(trimmed);
	if (single) return single[1] ?? '';
	return trimmed.replace(/\s+#.*$/, '');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const envLine = (key: string): RegExp => new RegExp(`^\\s*(?:export\\s+)?${escapeRegExp(key)}=(.*)$`);
const propertyLine = (key: string): RegExp => new RegExp(`^\\s*${escapeRegExp(key)}\\s*[=:]\\s*(.*)$`);

function lines(content: string): string[] {
	if (content === '') return [];
	return content.replace(/\n$/, '').split('\n');
}

const join = (list: string[]): string => (list.length === 0 ? '' : `${list.join('\n')}\n`);

// The value a sourced shell file ends up with: the last assignment wins.
export function readEnvKey(content: string, key: string): string | undefined {
	let found: string | undefined;
	const keyLine = envLine(key);
	for (const line of lines(content)) {
		const match = keyLine.exec(line);
		if (match) found = unquote(match[1] ?? '');
	}
	return found;
}

export function readProperty(content: string, key: string): string | undefined {
	let found: string | undefined;
	const keyLine = propertyLine(key);
	for (const line of lines(content)) {
		if (/^\s*[#!]/.test(line)) continue;
		const match = keyLine.exec(line);
		if (match) found = (match[1] ?? '').trim();
	}
	return found;
}

export type KeyEdit = {key: string; text: string};

// Every active line of each key gets the new text; absent keys are added at the end.
function setKeys(content: string, edits: KeyEdit[], pattern: (key: string) => RegExp): string {
	const out = lines(content);
	for (const {key, text} of edits) {
		// Made once a key, not once a line: a sample's zoo.cfg is dozens of lines, edited three times a setup.
		const keyLine = pattern(key);
		let seen = false;
		for (let i = 0; i < out.length; i++) {
			if (keyLine.test(out[i] ?? '') && !/^\s*[#!]/.test(out[i] ?? '')) {
				out[i] = `${key}=${text}`;
				seen = true;
			}
		}
		if (!seen) out.push(`${key}=${text}`);
	}
	return join(out);
}

export const setEnvKeys = (content: string, edits: KeyEdit[]): string => setKeys(content, edits, envLine);
export const setProperties = (content: string, edits: KeyEdit[]): string => setKeys(content, edits, propertyLine);

const serverLine = /^\s*server\.(\d+)\s*[=:]\s*(.*)$/;

export function readServers(content: string): string | undefined {
	const found = lines(content)
		.map(line => serverLine.exec(line))
		.filter((m): m is RegExpExecArray => m !== null)
		.map(m => `${m[1]}=${(m[2] ?? '').trim()}`);
	return found.length > 0 ? found.join(',') : undefined;
}

// server.N lines that are not wanted are removed; the rest are set like any other key.
export function setServers(content: string, servers: KeyEdit[]): string {
	const wanted = new Set(servers.map(s => s.key));
	const kept = lines(content).filter(line => {
		const match = serverLine.exec(line);
		return !match || wanted.has(`server.${match[1]}`);
	});
	return setProperties(join(kept), servers);
}
