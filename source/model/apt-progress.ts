// apt's own counts turned into a progress fraction: the summary line says how many packages
// will be installed, then each is fetched (Get:), unpacked and set up. apt-get update gives no
// total, so it is counted, not measured.

export type AptProgress = {
	// Packages to install or upgrade, from apt's summary line; undefined until it is printed.
	total?: number;
	fetched: number;
	unpacked: number;
	setUp: number;
	// "Fetched … in …": every download is done, some may have come from the cache.
	fetchDone: boolean;
	// Index lines read by apt-get update (Get:, Hit:, Ign:).
	sources: number;
};

export const noAptProgress: AptProgress = {fetched: 0, unpacked: 0, setUp: 0, fetchDone: false, sources: 0};

const summary = /^(\d+) upgraded, (\d+) newly installed, (?:(\d+) reinstalled, )?(?:\d+ downgraded, )?\d+ to remove/;

export function readAptLine(progress: AptProgress, line: string): AptProgress {
	const counts = summary.exec(line);
	if (counts) return {...progress, total: Number(counts[1]) + Number(counts[2]) + Number(counts[3] ?? 0)};
	if (/^Get:\d+ /.test(line)) return {...progress, fetched: progress.fetched + 1, sources: progress.sources + 1};
	if (/^(Hit|Ign):\d+ /.test(line)) return {...progress, sources: progress.sources + 1};
	if (/^Fetched .* in /.test(line)) return {...progress, fetchDone: true};
	if (/^Unpacking /.test(line)) return {...progress, unpacked: progress.unpacked + 1};
	if (/^Setting up /.test(line)) return {...progress, setUp: progress.setUp + 1};
	return progress;
}

// From 0 to 1, each package counting three times (fetched, unpacked, set up); undefined when apt
// has not said how many packages there are (apt-get update, or the start of an install).
export function aptFraction(progress: AptProgress): number | undefined {
	const {total} = progress;
	if (total === undefined) return undefined;
	if (total === 0) return 1;
	const fetched = progress.fetchDone ? total : Math.min(progress.fetched, total);
	const done = fetched + Math.min(progress.unpacked, total) + Math.min(progress.setUp, total);
	return done / (3 * total);
}

export function describeAptProgress(progress: AptProgress): string {
	const {total} = progress;
	if (total === undefined) return progress.sources > 0 ? `${progress.sources} package sources read` : 'waiting for apt';
	if (total === 0) return 'nothing to install: every package is already there';
	const fetched = progress.fetchDone ? total : Math.min(progress.fetched, total);
	return `${total} packages: ${fetched} fetched, ${Math.min(progress.unpacked, total)} unpacked, ${Math.min(progress.setUp, total)} set up`;
}
