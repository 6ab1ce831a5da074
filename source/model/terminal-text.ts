// Child output as a person would read it. Pure, so the command runner and the log pane share it.
import {stripVTControlCharacters} from 'node:util';

const hasEscapes = (text: string): boolean => text.includes('\u001B') || text.includes('\u009B');

// A line rewritten with \r (progress meters) keeps only its last version; colour codes and other
// terminal escapes go (Node's own stripper: CSI, OSC, hyperlinks, the 8-bit CSI).
export function cleanLine(raw: string): string {
	// Most lines have neither; they are returned as they are, at no cost (the log pane sees many).
	const last = raw.includes('\r') ? (raw.split('\r').filter(part => part.length > 0).at(-1) ?? '') : raw;
	return hasEscapes(last) ? stripVTControlCharacters(last) : last;
}

// A path too long for its room keeps its end (the folder or file's own name), led by an ellipsis.
export const keepEnd = (text: string, width: number): string => (text.length <= width ? text : `…${text.slice(text.length - Math.max(0, width - 1))}`);
