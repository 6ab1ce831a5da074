import {serveHttp} from './http-endpoints.js';
import type {Log} from './standin-log.js';
import type {Stop} from './standin-main.js';

// The article installs Chronos and keeps it manual; the stand-in only has to start and answer.
export async function runChronos(log: Log): Promise<Stop | string[]> {
	const server = await serveHttp('127.0.0.1', 4400, {
		'GET /scheduler/jobs': () => ({json: []}),
		'GET /ping': () => ({text: 'pong'}),
	}, log);
	return () => server.close();
}
