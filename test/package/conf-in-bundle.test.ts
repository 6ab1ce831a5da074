// The bundle's conf has no Ajv, ajv-formats or semver (scripts/build/conf-without-schemas.ts): a
// program bundled with the product's build options saves and reads as conf does unbundled, and a
// schema or migrations, which mesos-setup never gives it, are refused at once, saying why.
import {writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {execa} from 'execa';
import {expect, it} from 'vitest';
import {confWithoutSchemas} from '../../scripts/build/conf-without-schemas.js';
import {tempRoot} from '../helpers/temp-root.js';

const projectRoot = path.resolve(import.meta.dirname, '../..');

const program = `
import Conf from 'conf';
const cwd = process.argv[2];
const plain = new Conf({cwd, configName: 'plain', projectName: 'x', projectSuffix: ''});
plain.set('answers', {a: '1'});
plain.set('progress.files', ['/etc/zookeeper/conf/zoo.cfg']);
const again = new Conf({cwd, configName: 'plain', projectName: 'x', projectSuffix: ''});
const refusals = [];
for (const options of [{schema: {n: {type: 'number'}}}, {projectVersion: '2.0.0', migrations: {'1.0.0': store => store.set('m', 1)}}]) {
	try {
		new Conf({cwd, configName: 'other', projectName: 'x', projectSuffix: '', ...options});
		refusals.push('accepted');
	} catch (error) {
		refusals.push(error.message);
	}
}
console.log(JSON.stringify({read: again.store, refusals}));
`;

it('keeps conf’s saving and reading in the bundle, and refuses a schema or migrations, saying why', {timeout: 60_000}, async () => {
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
		plugins: [confWithoutSchemas],
	});
	// conf's imports went to the stand-in, and none of the three modules is in the bundle.
	const inputs = Object.keys(built.metafile.inputs);
	expect(inputs).toContain('scripts/build/conf-left-out.ts');
	expect(inputs.filter(input => /node_modules\/(ajv|ajv-formats|semver|fast-uri)\//.test(input))).toEqual([]);
	const run = await execa(process.execPath, [bundle, dir]);
	expect(JSON.parse(run.stdout)).toEqual({
		read: {answers: {a: '1'}, progress: {files: ['/etc/zookeeper/conf/zoo.cfg']}},
		refusals: [
			expect.stringMatching(/^conf's schema checking \(ajv-formats\) is not in mesos-setup's bundle .*give conf no schema and no migrations/),
			expect.stringMatching(/^conf's migrations \(semver\.\w+\) is not in mesos-setup's bundle/),
		],
	});
});
