// conf (the saved state's store) imports Ajv, ajv-formats and semver when it loads, but uses Ajv
// only to check a schema and semver only to run migrations, and mesos-setup gives conf neither. In
// the bundle those imports are conf-left-out.ts instead, which says so loudly if conf ever calls
// them. Evaluated, the three were most of conf's start-up (about 40 ms of every command that saves
// state); loaded only on first use (as an earlier build did), their 363 KB were still parsed by
// every start of the program: 40 M of `--version`'s 852 M instructions, as callgrind counts them
// (bench/instructions.ts), and as much of the wizard's first frame and of every command (issue 12).
import path from 'node:path';
import type {Plugin} from 'esbuild';

export const confWithoutSchemas: Plugin = {
	name: 'conf-without-schemas',
	setup(build) {
		const leftOut = path.join(build.initialOptions.absWorkingDir ?? process.cwd(), 'scripts', 'build', 'conf-left-out.ts');
		build.onResolve({filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/}, args =>
			// Only conf's own imports: anything else that imports them gets the real module.
			args.importer.includes(`${path.sep}node_modules${path.sep}conf${path.sep}`) ? {path: leftOut} : undefined,
		);
	},
};
