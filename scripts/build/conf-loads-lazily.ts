// conf (the saved state's store) imports Ajv, ajv-formats and semver when it loads, but uses Ajv
// only for a schema and semver only for migrations, and mesos-setup passes neither. Evaluated
// anyway they were most of conf's start-up (about 40 ms of every command that saves state, issue
// 12). In the bundle conf's imports of them are these stand-ins, which load the real module on
// first use: conf behaves as before, and a command pays for Ajv only if a schema is ever given.
import path from 'node:path';
import type {Plugin} from 'esbuild';

const standIns: Record<string, string> = {
	'ajv/dist/2020.js': 'lazy-ajv.ts',
	'ajv-formats': 'lazy-ajv-formats.ts',
	semver: 'lazy-semver.ts',
};

export const confLoadsLazily: Plugin = {
	name: 'conf-loads-lazily',
	setup(build) {
		const here = path.join(build.initialOptions.absWorkingDir ?? process.cwd(), 'scripts', 'build');
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/}, args => {
			const standIn = standIns[args.path];
			// Only conf's own imports: the stand-ins' require() of the real module resolves as usual.
			if (!standIn || !args.importer.includes(`${path.sep}node_modules${path.sep}conf${path.sep}`)) return undefined;
			return {path: path.join(here, standIn)};
		});
	},
};
