// A moment as a person reads it: this machine's local date and time to the minute
// ("2026-11-29 19:22"), not the ISO text a journal keeps or a run id made from it.
const pad = (n: number): string => String(n).padStart(2, '0');

export function localTime(moment: string | Date): string {
	const date = typeof moment === 'string' ? new Date(moment) : moment;
	if (Number.isNaN(date.getTime())) return String(moment);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Files put back and files removed, counted as files: "restored 3 files, removed 12 it had created".
export function undoCounts(lines: readonly {outcome: string}[]): string {
	const restored = lines.filter(line => !line.outcome.startsWith('removed')).length;
	const removed = lines.length - restored;
	const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
	return [restored > 0 ? `restored ${files(restored)}` : '', removed > 0 ? `removed ${files(removed)} it had created` : ''].filter(Boolean).join(', ');
}
