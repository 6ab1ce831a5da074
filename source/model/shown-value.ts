// A value as a person can read it in a message: quoted, invisible characters spelled out, and cut
// to about 100 characters so a megabyte of bad input is named, not echoed.
const invisible = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

export const shownLength = 100;

export function show(raw: string, limit = shownLength): string {
	const cut = raw.length > limit ? raw.slice(0, limit) : raw;
	const quoted = JSON.stringify(cut).replace(invisible, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return raw.length > limit ? `${quoted.slice(0, -1)}…" (${raw.length} characters)` : quoted;
}
