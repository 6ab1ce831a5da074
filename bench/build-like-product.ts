// Builds a file the way `npm run build` builds the product: tsup's own esbuild, with the options
// of tsup.config.ts (one ES module, everything bundled, the same banner, defines and plugins).
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {BuildOptions} from 'esbuild';
import config from '../tsup.config.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type TsupOptions = {
	target?: string;
	banner?: {js?: string};
	define?: Record<string, string>;
	esbuildOptions?: (options: BuildOptions, context: {format: 'esm'}) => void;
	esbuildPlugins?: BuildOptions['plugins'];
};

export async function buildLikeProduct(entry: string, outfile: string): Promise<void> {
	const require = createRequire(path.join(projectRoot, 'package.json'));
	// tsup's esbuild, wherever npm put it.
	const esbuild = createRequire(require.resolve('tsup'))('esbuild') as typeof import('esbuild');
	const tsup = config as TsupOptions;
	const options: BuildOptions = {
		entryPoints: [entry],
		outfile,
		absWorkingDir: projectRoot,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: tsup.target ?? 'node20',
		logLevel: 'silent',
		...(tsup.banner?.js ? {banner: {js: tsup.banner.js}} : {}),
		...(tsup.define ? {define: tsup.define} : {}),
		...(tsup.esbuildPlugins ? {plugins: tsup.esbuildPlugins} : {}),
	};
	tsup.esbuildOptions?.(options, {format: 'esm'});
	await esbuild.build(options);
}
