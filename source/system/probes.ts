// Health probes: ZooKeeper's four-letter words over TCP, and the Mesos and Marathon HTTP endpoints.
// `ruok` answers imok even without quorum, so ZooKeeper's health is read from `srvr`.
import net from 'node:net';
import type {ProbeResult} from '../model/apply-events.js';
import type {Probe} from '../model/plan.js';
import {httpGet} from './http-get.js';

export type {ProbeResult} from '../model/apply-events.js';

export function fourLetterWord(host: string, port: number, word: string, timeoutMs = 2000, signal?: AbortSignal): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({host, port});
		let text = '';
		const timer = setTimeout(() => socket.destroy(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
		const onAbort = () => socket.destroy(Object.assign(new Error('stopped'), {name: 'AbortError'}));
		if (signal?.aborted) onAbort();
		else signal?.addEventListener('abort', onAbort, {once: true});
		socket.on('close', () => signal?.removeEventListener('abort', onAbort));
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
	// A service that is stopping or restarting drops what it had accepted: "read ECONNRESET" says less.
	if (code === 'ECONNRESET') return 'connection reset by the service (it may be stopping or restarting)';
	if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer in time';
	return e.cause?.message ?? e.message ?? String(error);
};
// Also for the cluster's readings (cluster-readings.ts) and the status screen's requests
// (cluster-status.ts), which ask the same services over the network.
export {reason as networkReason};

export async function probeZookeeper(host: string, port: number, signal?: AbortSignal): Promise<ProbeResult> {
	try {
		const answer = await fourLetterWord(host, port, 'srvr', 2000, signal);
		const mode = zookeeperMode(answer);
		if (mode === 'standalone' || mode === 'leader' || mode === 'follower') return {healthy: true, detail: `Mode: ${mode}`};
		if (/not in the whitelist/.test(answer)) return {healthy: false, detail: 'srvr is not allowed by 4lw.commands.whitelist in zoo.cfg'};
		if (/not currently serving/.test(answer)) return {healthy: false, detail: 'running but not serving requests (no quorum yet)'};
		return {healthy: false, detail: answer.trim() ? `unexpected answer to srvr: ${answer.trim().split('\n')[0]}` : 'no answer to srvr'};
	} catch (error) {
		return {healthy: false, detail: `${host}:${port}: ${reason(error)}`};
	}
}

export async function probeHttp(url: string, expect: 'ok' | 'pong', timeoutMs = 2000, signal?: AbortSignal): Promise<ProbeResult> {
	try {
		const response = await httpGet(url, {timeoutMs, signal});
		const {body} = response;
		if (!response.ok) return {healthy: false, detail: `${url} answered ${response.status} ${response.statusText}`};
		if (expect === 'pong' && !body.includes('pong')) return {healthy: false, detail: `${url} answered without pong`};
		return {healthy: true, detail: `${url} answered ${response.status}${expect === 'pong' ? ' pong' : ''}`};
	} catch (error) {
		return {healthy: false, detail: `${url}: ${reason(error)}`};
	}
}

export type Probes = {
	probe(probe: Probe, signal?: AbortSignal): Promise<ProbeResult>;
	fetchJson(url: string, timeoutMs?: number, signal?: AbortSignal): Promise<unknown>;
	fourLetterWord(host: string, port: number, word: string, signal?: AbortSignal): Promise<string>;
};

export function createProbes(): Probes {
	return {
		probe: (probe, signal) => (probe.kind === 'zookeeper' ? probeZookeeper(probe.host, probe.port, signal) : probeHttp(probe.url, probe.expect, 2000, signal)),
		async fetchJson(url, timeoutMs = 2000, signal) {
			const response = await httpGet(url, {timeoutMs, signal});
			if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
			return JSON.parse(response.body) as unknown;
		},
		fourLetterWord: (host, port, word, signal) => fourLetterWord(host, port, word, 2000, signal),
	};
}

// Waits `ms`, or less if the signal is aborted first.
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal?.aborted) {
			resolve();
			return;
		}
		const done = () => {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal?.addEventListener('abort', done, {once: true});
	});
}

export type HealthWait = {
	deadlineMs: number;
	onTry?: (result: ProbeResult) => void;
	intervalMs?: number;
	// May end the wait early with a reason (the daemon is gone: no use waiting a minute).
	giveUp?: () => Promise<string | undefined>;
	// Aborted: the wait ends at once, as stopped.
	signal?: AbortSignal;
};

// Polls until healthy or the deadline passes; the last result says why it is not healthy.
export async function waitHealthy(probes: Probes, probe: Probe, {deadlineMs, onTry, intervalMs = 500, giveUp, signal}: HealthWait): Promise<ProbeResult> {
	const until = Date.now() + deadlineMs;
	let last: ProbeResult = {healthy: false, detail: 'not probed yet'};
	const stopped = (): ProbeResult => ({healthy: false, detail: `stopped while waiting; last check: ${last.detail}`, stopped: true});
	while (Date.now() < until) {
		if (signal?.aborted) return stopped();
		last = await probes.probe(probe, signal);
		if (signal?.aborted) return stopped();
		onTry?.(last);
		if (last.healthy) return last;
		const reason = await giveUp?.();
		if (reason) return {healthy: false, detail: `${reason}; last check: ${last.detail}`, gaveUp: true};
		await pause(Math.min(intervalMs, Math.max(0, until - Date.now())), signal);
	}
	return signal?.aborted ? stopped() : last;
}
