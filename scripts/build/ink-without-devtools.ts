// Ink takes DEV=true in the environment, a name many shells and CI setups use for their own
// purposes, as "connect to React DevTools": it reads its own package.json beside the module
// (which the bundle has not: the executable's unpacked bundle found none and every screen ended
// with ENOENT), imports a devtools module that sets `window` and `self` on the global object and
// loads ws (129 KB the bundle parsed at every start), and calls react-devtools-core, which the
// bundle does not carry ("initialize is not a function"). In the bundle Ink's test of DEV is
// always false and its devtools module is an empty one: DEV is left to whoever set it.
import path from 'node:path';
import type {Plugin} from 'esbuild';

const inkBuild = `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}`;

export const inkWithoutDevtools: Plugin = {
	name: 'ink-without-devtools',
	setup(build) {
		const empty = path.join(build.initialOptions.absWorkingDir ?? process.cwd(), 'scripts', 'build', 'empty-module.ts');
		build.onResolve({filter: /^\.\/devtools\.js$/}, args => (args.importer.includes(inkBuild) ? {path: empty} : undefined));
		// Ink's utils.js holds only isDev (ink 6.8): were Ink to import anything else from it, esbuild
		// would refuse the build ("No matching export"), so a newer Ink cannot slip past this.
		build.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/}, () => ({contents: 'export const isDev = () => false;\n', loader: 'js'}));
	},
};
