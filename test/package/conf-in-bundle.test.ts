// The bundle's conf loads Ajv and semver only when it uses them (scripts/build/conf-loads-lazily.ts):
// a program bundled with the product's build options still gets a schema checked and a migration
// run through the stand-ins, so conf works in the bundle exactly as it does unbundled.
import {writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {execa} from 'execa';
import {expect, it} from 'vitest';
import {confLoadsLazily} from '../../scripts/build/conf-loads-lazily.js';
import {tempRoot} from '../helpers/temp-root.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');

const program = `
import Conf from 'conf';
const cwd = process.argv[2];
const plain = new Conf({cwd, configName: 'plain', projectName: 'x', projectSuffix: ''});
plain.set('answers', {a: '1'});
const checked = new Conf({cwd, configName: 'checked', projectName: 'x', projectSuffix: '', projectVersion: '2.0.0',
	schema: {n: {type: 'number'}, when: {type: 'string', format: 'date-time'}},
	migrations: {'1.0.0': store => store.set('migrated', '1.0.0'), '2.0.0': store => store.set('n', 2)}});
let refused = '';
try { checked.set('n', 'not a number'); } catch (error) { refused = error.message; }
try { checked.set('when', 'yesterday'); } catch (error) { refused += ' | ' + error.message; }
console.log(JSON.stringify({plain: plain.store, n: checked.get('n'), migrated: checked.get('migrated'), refused}));
`;

it('keeps conf whole in the bundle: plain saves, a schema (with formats) and migrations work through the stand-ins', {timeout: 60_000}, async () => {
	const dir = await tempRoot();
	const entry = path.join(dir, 'entry.mjs');
	const bundle = path.join(dir, 'bundle.mjs');
	await writeFile(entry, program);
	// tsup's own esbuild, as npm run build uses it.
	const require = createRequire(path.join(projectRoot, 'package.json'));
	const esbuild = createRequire(require.resolve('tsup'))('esbuild') as typeof import('esbuild');
	const built = await esbuild.build({
		entryPoints: [entry],
		outfile: bundle,
		absWorkingDir: projectRoot,
		nodePaths: [path.join(projectRoot, 'node_modules')],
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		logLevel: 'silent',
		metafile: true,
		banner: {js: "import {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);"},
		plugins: [confLoadsLazily],
	});
	// conf's own imports went to the stand-ins, and the real modules are in the bundle behind them.
	const inputs = Object.keys(built.metafile.inputs);
	expect(inputs).toEqual(expect.arrayContaining(['scripts/build/lazy-ajv.ts', 'scripts/build/lazy-ajv-formats.ts', 'scripts/build/lazy-semver.ts', 'node_modules/ajv/dist/2020.js', 'node_modules/semver/index.js']));
	const run = await execa(process.execPath, [bundle, dir]);
	expect(JSON.parse(run.stdout)).toEqual({
		plain: {answers: {a: '1'}},
		n: 2,
		migrated: '1.0.0',
		refused: expect.stringMatching(/n.*must be number.*\|.*when.*must match format "date-time"/),
	});
});
