// Health probes: ZooKeeper's four-letter words over TCP, and the Mesos and Marathon HTTP endpoints.
// `ruok` answers imok even without quorum, so ZooKeeper's health is read from `srvr`.
import net from 'node:net';
import type {Probe} from '../model/plan.js';

// gaveUp: the wait ended before its deadline because the service stopped running.
export type ProbeResult = {healthy: boolean; detail: string; gaveUp?: boolean};

export function fourLetterWord(host: string, port: number, word: string, timeoutMs = 2000): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({host, port});
		let text = '';
		const timer = setTimeout(() => socket.destroy(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
		socket.setEncoding('utf8');
		socket.on('connect', () => socket.write(word));
		socket.on('data', chunk => {
			text += chunk;
		});
		socket.on('error', error => {
			clearTimeout(timer);
			reject(error);
		});
		socket.on('close', () => {
			clearTimeout(timer);
			resolve(text);
		});
	});
}

export function zookeeperMode(srvr: string): string | undefined {
	return /^Mode: (\S+)/m.exec(srvr)?.[1];
}

const reason = (error: unknown): string => {
	const e = error as NodeJS.ErrnoException & {cause?: NodeJS.ErrnoException};
	const code = e.cause?.code ?? e.code;
	if (code === 'ECONNREFUSED') return 'connection refused (nothing listening)';
	if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer in time';
	return e.cause?.message ?? e.message ?? String(error);
};
// Also for the cluster's readings (cluster-readings.ts), which ask the same services over the network.
export {reason as networkReason};

export async function probeZookeeper(host: string, port: number): Promise<ProbeResult> {
	try {
		const answer = await fourLetterWord(host, port, 'srvr');
		const mode = zookeeperMode(answer);
		if (mode === 'standalone' || mode === 'leader' || mode === 'follower') return {healthy: true, detail: `Mode: ${mode}`};
		if (/not in the whitelist/.test(answer)) return {healthy: false, detail: 'srvr is not allowed by 4lw.commands.whitelist in zoo.cfg'};
		if (/not currently serving/.test(answer)) return {healthy: false, detail: 'running but not serving requests (no quorum yet)'};
		return {healthy: false, detail: answer.trim() ? `unexpected answer to srvr: ${answer.trim().split('\n')[0]}` : 'no answer to srvr'};
	} catch (error) {
		return {healthy: false, detail: `${host}:${port}: ${reason(error)}`};
	}
}

export async function probeHttp(url: string, expect: 'ok' | 'pong', timeoutMs = 2000): Promise<ProbeResult> {
	try {
		const response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs)});
		const body = await response.text();
		if (!response.ok) return {healthy: false, detail: `${url} answered ${response.status} ${response.statusText}`};
		if (expect === 'pong' && !body.includes('pong')) return {healthy: false, detail: `${url} answered without pong`};
		return {healthy: true, detail: `${url} answered ${response.status}${expect === 'pong' ? ' pong' : ''}`};
	} catch (error) {
		return {healthy: false, detail: `${url}: ${reason(error)}`};
	}
}

export type Probes = {
	probe(probe: Probe): Promise<ProbeResult>;
	fetchJson(url: string, timeoutMs?: number): Promise<unknown>;
	fourLetterWord(host: string, port: number, word: string): Promise<string>;
};

export function createProbes(): Probes {
	return {
		probe: probe => (probe.kind === 'zookeeper' ? probeZookeeper(probe.host, probe.port) : probeHttp(probe.url, probe.expect)),
		async fetchJson(url, timeoutMs = 2000) {
			const response = await fetch(url, {signal: AbortSignal.timeout(timeoutMs)});
			if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
			return response.json();
		},
		fourLetterWord: (host, port, word) => fourLetterWord(host, port, word),
	};
}

// Polls until healthy or the deadline passes; the last result says why it is not healthy.
// `giveUp` may end the wait early with a reason (the daemon is gone: no use waiting a minute).
export async function waitHealthy(
	probes: Probes,
	probe: Probe,
	deadlineMs: number,
	onTry?: (result: ProbeResult) => void,
	intervalMs = 500,
	giveUp?: () => Promise<string | undefined>,
): Promise<ProbeResult> {
	const until = Date.now() + deadlineMs;
	let last: ProbeResult = {healthy: false, detail: 'not probed yet'};
	while (Date.now() < until) {
		last = await probes.probe(probe);
		onTry?.(last);
		if (last.healthy) return last;
		const reason = await giveUp?.();
		if (reason) return {healthy: false, detail: `${reason}; last check: ${last.detail}`, gaveUp: true};
		await new Promise(resolve => setTimeout(resolve, Math.min(intervalMs, Math.max(0, until - Date.now()))));
	}
	return last;
}
