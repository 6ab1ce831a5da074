// Child output as a person would read it. Pure, so the command runner and the log pane share it.

// eslint-disable-next-line no-control-regex -- matching terminal escape codes is the point
const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g;

// A line rewritten with \r (progress meters) keeps only its last version; colour codes go.
export function cleanLine(raw: string): string {
	// Most lines have neither; they are returned as they are, at no cost (the log pane sees many).
	if (!raw.includes('\r') && !raw.includes('\u001B')) return raw;
	const last = raw.split('\r').filter(part => part.length > 0).at(-1) ?? '';
	return last.replace(ansi, '');
}
