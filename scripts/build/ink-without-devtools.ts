// Ink takes DEV=true in the environment, a name many shells and CI setups use for their own
// purposes, as "connect to React DevTools": it reads its own package.json beside the module
// (which the bundle has not: the executable's unpacked bundle found none and every screen ended
// with ENOENT), imports a devtools module that sets `window` and `self` on the global object and
// loads ws (129 KB the bundle parsed at every start), and calls react-devtools-core, which the
// bundle does not carry ("initialize is not a function"). In the bundle Ink's test of DEV is
// always false and its devtools module is an empty one: DEV is left to whoever set it.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Plugin} from 'esbuild';

const inkBuild = `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}`;

export const inkWithoutDevtools: Plugin = {
	name: 'ink-without-devtools',
	setup(build) {
		const empty = path.join(build.initialOptions.absWorkingDir ?? process.cwd(), 'scripts', 'build', 'empty-module.ts');
		build.onResolve({filter: /^\.\/devtools\.js$/}, args => (args.importer.includes(inkBuild) ? {path: empty} : undefined));
		// Ink's utils.js holds only isDev (ink 6.8); a newer one with more in it fails the build here.
		build.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const exported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap(match => (match[1] ?? '').split(',').map(name => name.trim())).filter(Boolean);
			if (exported.join() !== 'isDev') return {errors: [{text: `ink's build/utils.js exports ${exported.join(', ') || 'nothing named'}; scripts/build/ink-without-devtools.ts stands in for isDev alone`}]};
			return {contents: 'export const isDev = () => false;\n', loader: 'js'};
		});
	},
};
