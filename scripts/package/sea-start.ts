// The script Node runs inside the single executable. Node 20 runs one CommonJS script there, and
// its require() reaches only built-in modules; the CLI is an ES module with top-level await. So
// this writes the bundle, the very bytes of dist/cli.js (an asset of the executable), to a private
// folder and imports it from there. The folder is removed before the bundle's first line runs:
// start.mjs imports forget.mjs first, and ES modules are all read and linked before any runs.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {getAsset} from 'node:sea';
import {pathToFileURL} from 'node:url';
import {bundleAsset} from './sea-assets.js';

function start(): void {
	let folder: string;
	try {
		folder = mkdtempSync(path.join(tmpdir(), 'mesos-setup-unpacked-'));
	} catch (error) {
		process.stderr.write(`mesos-setup cannot start: it unpacks itself into ${tmpdir()}, which refused: ${(error as Error).message}. Set TMPDIR to a writable folder.\n`);
		process.exitCode = 1;
		return;
	}
	const forget = (): void => rmSync(folder, {recursive: true, force: true});
	try {
		writeFileSync(path.join(folder, bundleAsset), new Uint8Array(getAsset(bundleAsset)));
		writeFileSync(path.join(folder, 'forget.mjs'), `import {rmSync} from 'node:fs';\nrmSync(${JSON.stringify(folder)}, {recursive: true, force: true});\n`);
		writeFileSync(path.join(folder, 'start.mjs'), `import './forget.mjs';\nimport './${bundleAsset}';\n`);
		// A CommonJS file read from disk gets Node's full loader, import() included.
		writeFileSync(path.join(folder, 'load.cjs'), 'module.exports = url => import(url);\n');
	} catch (error) {
		forget();
		process.stderr.write(`mesos-setup cannot start: writing into ${folder} failed: ${(error as Error).message}\n`);
		process.exitCode = 1;
		return;
	}
	const load = createRequire(path.join(folder, 'load.cjs'))('./load.cjs') as (url: string) => Promise<unknown>;
	load(pathToFileURL(path.join(folder, 'start.mjs')).href).catch((error: unknown) => {
		forget();
		process.stderr.write(`mesos-setup failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	});
}

start();
