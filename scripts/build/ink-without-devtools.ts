// Ink connects to React DevTools when the environment says DEV=true, a name many shells and CI
// setups use for their own purposes. Its devtools module sets `window` and `self` on the global
// object, imports ws (129 KB the bundle parsed at every start) and calls react-devtools-core, which
// the bundle does not carry: with DEV=true every screen ended with "initialize is not a function".
// In the bundle the module is an empty one: DEV is left to whoever set it, and the screens run.
import path from 'node:path';
import type {Plugin} from 'esbuild';

export const inkWithoutDevtools: Plugin = {
	name: 'ink-without-devtools',
	setup(build) {
		const empty = path.join(build.initialOptions.absWorkingDir ?? process.cwd(), 'scripts', 'build', 'empty-module.ts');
		build.onResolve({filter: /^\.\/devtools\.js$/}, args => (args.importer.includes(`${path.sep}node_modules${path.sep}ink${path.sep}`) ? {path: empty} : undefined));
	},
};
