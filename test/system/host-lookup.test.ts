import dns from 'node:dns';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {failureReuseMs, keptLookup, lookAhead, lookupReuseMs} from '../../source/system/host-lookup.js';
import {httpGet} from '../../source/system/http-get.js';
import {runCheck} from '../../source/system/machine-checks.js';
import {createTargetFs} from '../../source/system/target-fs.js';

afterEach(() => {
	vi.restoreAllMocks();
	vi.useRealTimers();
});

// The look-ups the name server is asked, by host; the real getaddrinfo still answers them.
const countingLookups = () => {
	const asked: string[] = [];
	const real = dns.lookup.bind(dns);
	vi.spyOn(dns, 'lookup').mockImplementation(((host: string, options: dns.LookupAllOptions, callback: (error: Error | null, addresses: dns.LookupAddress[]) => void) => {
		asked.push(host);
		real(host, options, callback);
	}) as typeof dns.lookup);
	return asked;
};

const lookup = (host: string, options: dns.LookupOptions) =>
	new Promise<{error: NodeJS.ErrnoException | null; address: unknown}>(resolve => {
		keptLookup(host, options, (error, address) => resolve({error, address}));
	});

describe('host names looked up once a moment', () => {
	it('asks the name server once for a host a setup reaches several times, and again once the moment has passed', async () => {
		const server = http.createServer((_request, response) => response.end('ok'));
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as AddressInfo).port;
		try {
			vi.useFakeTimers({toFake: ['hrtime', 'Date'], now: new Date('2026-01-01T00:00:00Z')});
			const asked = countingLookups();
			// A name only this test uses, so no earlier answer is kept for it; /etc/hosts has localhost.
			const url = `http://localhost:${port}/`;
			lookAhead([url, 'file:///not/a/server']);
			expect((await httpGet(url, {timeoutMs: 2000})).body).toBe('ok');
			expect((await httpGet(url, {timeoutMs: 2000})).body).toBe('ok');
			expect(asked).toEqual(['localhost']);
			// The wall clock stepped back an hour keeps nothing longer: the moment is on a monotonic clock.
			vi.setSystemTime(new Date('2025-12-31T23:00:00Z'));
			vi.advanceTimersByTime(lookupReuseMs + 1);
			expect((await httpGet(url, {timeoutMs: 2000})).body).toBe('ok');
			expect(asked).toEqual(['localhost', 'localhost']);
		} finally {
			await new Promise(resolve => server.close(resolve));
		}
	});

	it('keeps a failure as the answer for a second, each time a new error in the name server’s words', async () => {
		vi.useFakeTimers({toFake: ['hrtime']});
		const failure = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), {code: 'ENOTFOUND', syscall: 'getaddrinfo'});
		const spy = vi.spyOn(dns, 'lookup').mockImplementation(((_host: string, _options: unknown, callback: (error: Error) => void) => callback(failure)) as typeof dns.lookup);
		lookAhead(['http://nowhere.example/debian']);
		const first = await lookup('nowhere.example', {all: true});
		const second = await lookup('nowhere.example', {family: 4});
		expect(spy).toHaveBeenCalledTimes(1);
		expect(first.error).toMatchObject({message: 'getaddrinfo ENOTFOUND nowhere.example', code: 'ENOTFOUND', hostname: 'nowhere.example'});
		expect(second.error).toMatchObject({message: 'getaddrinfo ENOTFOUND nowhere.example', code: 'ENOTFOUND'});
		expect(second.error).not.toBe(first.error);
		// The preflight's check says it as before.
		const result = await runCheck({kind: 'reachable', url: 'http://nowhere.example', what: 'repository'}, createTargetFs('/'), false);
		expect(result).toEqual({status: 'warned', message: 'http://nowhere.example does not answer (getaddrinfo ENOTFOUND nowhere.example); check the network, or set a mirror'});
		expect(spy).toHaveBeenCalledTimes(1);
		// A second after the failure, a network mended meanwhile is asked again.
		vi.advanceTimersByTime(failureReuseMs + 1);
		await lookup('nowhere.example', {all: true});
		expect(spy).toHaveBeenCalledTimes(2);
	});

	it('makes no request to a host whose name does not resolve, and fails as that request did', async () => {
		vi.useFakeTimers({toFake: ['hrtime']});
		const failure = Object.assign(new Error('getaddrinfo ENOTFOUND unknown.example'), {code: 'ENOTFOUND', syscall: 'getaddrinfo'});
		vi.spyOn(dns, 'lookup').mockImplementation(((_host: string, _options: unknown, callback: (error: Error) => void) => {
			setTimeout(() => callback(failure), 5);
		}) as typeof dns.lookup);
		const requests = vi.spyOn(http, 'get');
		const error = (await httpGet('http://unknown.example/debian/dists/trusty/Release', {timeoutMs: 2000}).catch((caught: unknown) => caught)) as Error & {cause?: NodeJS.ErrnoException};
		expect(error.message).toBe('http://unknown.example/debian/dists/trusty/Release: getaddrinfo ENOTFOUND unknown.example');
		expect(error.cause).toMatchObject({code: 'ENOTFOUND', hostname: 'unknown.example'});
		expect(requests).not.toHaveBeenCalled();
	});

	it('ends a wait for a name server that does not answer when the caller stops it', async () => {
		vi.spyOn(dns, 'lookup').mockImplementation((() => undefined) as unknown as typeof dns.lookup);
		const stop = new AbortController();
		const asked = httpGet('http://silent.example/', {timeoutMs: 60_000, signal: stop.signal}).catch((error: unknown) => error);
		stop.abort();
		expect(((await asked) as Error).name).toBe('AbortError');
	});

	it('ends a wait for a name server that does not answer when its time runs out', async () => {
		vi.spyOn(dns, 'lookup').mockImplementation((() => undefined) as unknown as typeof dns.lookup);
		const asked = await httpGet('http://silent-still.example/', {timeoutMs: 100}).catch((error: unknown) => error);
		expect(asked).toMatchObject({name: 'TimeoutError', message: 'no answer within 100 ms'});
	});

	it('waits for no look-up when the caller stopped before asking', async () => {
		vi.spyOn(dns, 'lookup').mockImplementation((() => undefined) as unknown as typeof dns.lookup);
		const stop = new AbortController();
		stop.abort();
		expect(((await httpGet('http://silent-too.example/', {timeoutMs: 60_000, signal: stop.signal}).catch((error: unknown) => error)) as Error).name).toBe('AbortError');
	});

	it('gives the addresses of the family asked, all of them or the first', async () => {
		const both = [
			{address: '2001:db8::5', family: 6},
			{address: '192.0.2.5', family: 4},
		];
		vi.spyOn(dns, 'lookup').mockImplementation(((_host: string, _options: unknown, callback: (error: null, addresses: dns.LookupAddress[]) => void) => callback(null, both)) as typeof dns.lookup);
		expect(await lookup('both.example', {all: true})).toEqual({error: null, address: [{address: '2001:db8::5', family: 6}, {address: '192.0.2.5', family: 4}]});
		expect(await lookup('both.example', {family: 4})).toEqual({error: null, address: '192.0.2.5'});
		expect(await lookup('both.example', {family: 6, all: true})).toEqual({error: null, address: [{address: '2001:db8::5', family: 6}]});
		expect(await lookup('both.example', {})).toEqual({error: null, address: '2001:db8::5'});
	});
});
