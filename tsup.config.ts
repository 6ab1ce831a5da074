import {defineConfig} from 'tsup';
import {confWithoutSchemas} from './scripts/build/conf-without-schemas.js';
import {inkWithoutDevtools} from './scripts/build/ink-without-devtools.js';

// One bundled file starts in about 0.2 s; unbundled Ink takes about 0.48 s to import.
export default defineConfig({
	entry: {cli: 'cli.tsx'},
	format: ['esm'],
	target: 'node20',
	platform: 'node',
	outDir: 'dist',
	clean: true,
	bundle: true,
	noExternal: [/.*/],
	splitting: false,
	sourcemap: false,
	banner: {
		// Bundled CommonJS dependencies call require(); ESM output needs one made for them.
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);",
	},
	esbuildOptions(options) {
		options.jsx = 'automatic';
	},
	define: {'process.env.NODE_ENV': '"production"'},
	// conf's Ajv, ajv-formats and semver (for schemas and migrations, which mesos-setup never gives
	// it) and Ink's devtools are not in the bundle.
	esbuildPlugins: [confWithoutSchemas, inkWithoutDevtools],
});
