import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const entry = fileURLToPath(new URL('standins/standin-main.ts', import.meta.url));

/** Bundles the stand-in daemons and their ZooKeeper client into one self-contained .mjs file. */
export async function bundleStandins(outFile: string): Promise<void> {
	await build({
		entryPoints: [entry],
		outfile: outFile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'error',
		// node-zookeeper-client is CommonJS and calls require(); ESM output needs one made for it.
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	});
}
