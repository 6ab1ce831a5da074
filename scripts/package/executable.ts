// One executable file that needs no Node on the machine: Node's single executable application.
// The node running this build is copied, stripped of its debug symbols (99 MB to 86 MB), and given
// a blob that holds a small CommonJS starter (sea-start.ts) and, as an asset, the bundle itself.
import {copyFile, chmod, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {execa} from 'execa';
import {bundleAsset} from './sea-assets.js';

// The fuse Node's own binary carries for injection (Node's single-executable-applications docs).
const seaFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export type ExecutableInput = {
	// dist/cli.js, stored unchanged.
	bundle: string;
	output: string;
	// A scratch folder for the starter, the blob and its configuration.
	work: string;
};

// Assets in the blob (sea.getAsset) arrived in Node 20.12 and 21.7.
export function seaSupported(version: string): boolean {
	const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
	return major > 21 || (major === 21 && minor >= 7) || (major === 20 && minor >= 12);
}

async function run(what: string, file: string, args: string[]): Promise<void> {
	const result = await execa(file, args, {reject: false, all: true, stdin: 'ignore'});
	if (result.exitCode === 0) return;
	const why = result.code === 'ENOENT' ? `${file} is not installed` : `exit ${result.exitCode ?? result.signal}`;
	throw new Error(`${what} failed (${why}).${result.all ? `\n${String(result.all).trim()}` : ''}`);
}

export async function buildExecutable({bundle, output, work}: ExecutableInput): Promise<void> {
	if (!seaSupported(process.version)) {
		throw new Error(`node ${process.version} cannot build a single executable with assets: run the build with Node 20.12 or later.`);
	}
	const starter = path.join(work, 'sea-start.cjs');
	await build({
		entryPoints: [fileURLToPath(new URL('sea-start.ts', import.meta.url))],
		outfile: starter,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		logLevel: 'silent',
	});
	const blob = path.join(work, 'sea-prep.blob');
	const config = path.join(work, 'sea-config.json');
	await writeFile(config, JSON.stringify({main: starter, output: blob, disableExperimentalSEAWarning: true, assets: {[bundleAsset]: path.resolve(bundle)}}, null, 2));
	await run('node --experimental-sea-config', process.execPath, ['--experimental-sea-config', config]);

	await copyFile(process.execPath, output);
	await chmod(output, 0o755);
	await run('strip (from binutils)', 'strip', ['--strip-all', output]);
	const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
	await run('postject', process.execPath, [postject, output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', seaFuse]);
}
