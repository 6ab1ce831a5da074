// Reads a package source's index the way apt will, through a fetch given by the caller (this
// machine's fetch, or curl on a node), and judges it (model/apt-index.ts).
import {debianArch, judgeIndex} from '../model/apt-index.js';
import {httpGet} from './http-get.js';
import type {Check} from '../model/plan.js';
import type {CheckResult} from './machine-checks.js';
import {monotonicMs} from './monotonic-clock.js';

// The bytes at a URL, or undefined where the server says it has none (404); a fetch that fails
// otherwise throws, with the reason.
export type FetchBytes = (url: string) => Promise<Buffer | undefined>;

type SourceIndex = Extract<Check, {kind: 'source-index'}>;

export type IndexFiles = {release?: string; packages?: string};

// The suite's Release and the Packages list of this architecture, as apt fetches them (undefined
// where the source has none); throws where a fetch fails otherwise.
export async function fetchIndex(check: SourceIndex, arch: string, fetchBytes: FetchBytes): Promise<IndexFiles> {
	const release = await fetchBytes(`${check.dists}/Release`);
	if (release === undefined) return {};
	const binaries = `${check.dists}/${check.component}/binary-${arch}`;
	const gz = await fetchBytes(`${binaries}/Packages.gz`);
	// node:zlib only for a source that has a Packages.gz: the program starts without it.
	const packages = gz ? (await import('node:zlib')).gunzipSync(gz).toString('utf8') : (await fetchBytes(`${binaries}/Packages`))?.toString('utf8');
	return {release: release.toString('utf8'), ...(packages !== undefined ? {packages} : {})};
}

// How long a reading of an index is handed on to the next reader of the same index.
export const indexReuseMs = 30_000;

// The layout's prediction reads a source's index moments before the preflight reads the same one
// (setup --yes: milliseconds apart; the wizard: across its welcome page), so the prediction keeps
// its reading (`keep`), what was found or why nothing could be, and the preflight takes it instead
// of asking the server again (issue 12: two requests fewer). Taken once and only while fresh: a
// preflight run again (the network mended) reads anew, and keeps nothing. A reading a stop cut
// short is not kept.
export type ReadIndexOptions = {signal?: AbortSignal; keep?: boolean};

export function indexReadings(fetchBytes: (signal?: AbortSignal) => FetchBytes, now: () => number = monotonicMs): SourceReader['readIndex'] {
	const kept = new Map<string, {at: number; reading: Promise<IndexFiles>}>();
	return async (check, arch, {signal, keep = false} = {}) => {
		const key = `${check.dists} ${check.component} ${arch}`;
		const earlier = kept.get(key);
		kept.delete(key);
		if (earlier && now() - earlier.at <= indexReuseMs) return earlier.reading;
		const reading = fetchIndex(check, arch, fetchBytes(signal));
		if (!keep) return reading;
		// Settled (found or failed) before it is kept, so a failure is taken as the same failure.
		await reading.catch(() => undefined);
		if (!signal?.aborted) kept.set(key, {at: now(), reading});
		return reading;
	};
}

export async function readSourceIndex(check: SourceIndex, reader: Pick<SourceReader, 'arch' | 'readIndex'>, signal?: AbortSignal): Promise<CheckResult> {
	try {
		const arch = await reader.arch();
		const index = await reader.readIndex(check, arch, signal ? {signal} : {});
		const reading = {where: check.where, suite: check.suite, codename: check.codename, component: check.component, arch};
		return judgeIndex({...reading, ...index}, check.packages);
	} catch (error) {
		// Said short: the repository's own check (just before) says what to do about the network.
		return {status: 'warned', message: `its index could not be read (${(error as Error).message})`};
	}
}

// This machine's fetch: 404 is "not there", anything else not 2xx is a failure.
export const fetchHere =
	(signal?: AbortSignal): FetchBytes =>
	async url => {
		const response = await httpGet(url, {timeoutMs: 20_000, signal}).catch((error: unknown) => {
			throw new Error((error as {cause?: Error}).cause?.message ?? (error as Error).message);
		});
		if (response.status === 404) return undefined;
		if (!response.ok) throw new Error(`${url} answered ${response.status}`);
		return response.bytes;
	};

// Where a machine's package source is read from, as its own apt would: its Debian architecture and
// a fetch from there (this machine: Node's http client; a cluster node: curl on the node, ssh/), and
// its index through that fetch (indexReadings: the prediction's reading handed on to the preflight).
// `place`: where that is, for a person ('' for this machine itself, 'on a1' for a node).
export type SourceReader = {
	place: string;
	arch(): Promise<string>;
	fetchBytes(signal?: AbortSignal): FetchBytes;
	readIndex(check: SourceIndex, arch: string, options?: ReadIndexOptions): Promise<IndexFiles>;
};

export const readerHere: SourceReader = {place: '', arch: async () => debianArch(process.arch), fetchBytes: fetchHere, readIndex: indexReadings(fetchHere)};
