// A line diff for previews: what a file holds now against what it will hold.

export type DiffLine = {kind: 'same' | 'added' | 'removed'; text: string};

const split = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

// Longest common subsequence; configuration files are short, so the quadratic table is fine.
export function diffLines(before: string, after: string): DiffLine[] {
	const a = split(before);
	const b = split(after);
	const table: number[][] = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			const row = table[i] as number[];
			row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
		}
	}
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			out.push({kind: 'same', text: a[i] ?? ''});
			i++;
			j++;
		} else if (i < a.length && (j >= b.length || (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0))) {
			// Removed before added, as diff shows a replaced line.
			out.push({kind: 'removed', text: a[i] ?? ''});
			i++;
		} else {
			out.push({kind: 'added', text: b[j] ?? ''});
			j++;
		}
	}
	return out;
}

export const diffCounts = (lines: DiffLine[]): {added: number; removed: number} => ({
	added: lines.filter(l => l.kind === 'added').length,
	removed: lines.filter(l => l.kind === 'removed').length,
});
