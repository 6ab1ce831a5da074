// The layering ARCHITECTURE.md promises, read from the import graph: which layer may import which,
// the model doing no I/O, screens reaching the machine only through the use cases, each screen's
// folder importing only shared parts, keys read in one place, the screens' file names, and no
// command going through a shell string.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {filesUnder} from '../helpers/tree.js';

const source = fileURLToPath(new URL('../../source/', import.meta.url));
const sourceFiles = async (dir: string): Promise<string[]> => filesUnder(dir, /\.tsx?$/);

async function offenders(dir: string, pattern: RegExp): Promise<string[]> {
	const found: string[] = [];
	for (const file of await sourceFiles(path.join(source, dir))) {
		const text = await readFile(file, 'utf8');
		for (const [index, line] of text.split('\n').entries()) if (pattern.test(line)) found.push(`${path.relative(source, file)}:${index + 1}: ${line.trim()}`);
	}
	return found;
}

// cli: source/cli, the command line declared once (cli.tsx itself, outside source/, may import all).
type Layer = 'model' | 'system' | 'use-cases' | 'commands' | 'ui' | 'cli';

type Import = {from: string; layer: Layer; target: string; targetLayer: Layer | 'package'; typeOnly: boolean};

const layerOf = (file: string): Layer => {
	const top = path.relative(source, file).split(path.sep)[0];
	if (top === 'model' || top === 'system' || top === 'use-cases' || top === 'commands' || top === 'ui' || top === 'cli') return top;
	throw new Error(`${file} is in no layer: source/ holds model, cli, system, use-cases, commands and ui`);
};

// Every import and export … from of every source file, static or dynamic, with its layer.
async function importGraph(): Promise<Import[]> {
	const edges: Import[] = [];
	const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'|import\('([^']+)'\)/g;
	for (const file of await sourceFiles(source)) {
		const text = await readFile(file, 'utf8');
		for (const match of text.matchAll(pattern)) {
			const specifier = match[3] ?? match[4] ?? '';
			const typeOnly = Boolean(match[2]);
			const resolved = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined;
			edges.push({
				from: path.relative(source, file),
				layer: layerOf(file),
				target: resolved ? path.relative(source, resolved) : specifier,
				targetLayer: resolved ? layerOf(resolved) : 'package',
				typeOnly,
			});
		}
	}
	return edges;
}

// Which layers each layer may import values from. Types may come from the layers listed, and
// screens and commands may name the System's own types (the System reaches them through context).
const allowed: Record<Layer, Layer[]> = {
	model: ['model'],
	system: ['model', 'system'],
	'use-cases': ['model', 'system', 'use-cases'],
	commands: ['model', 'use-cases', 'commands'],
	ui: ['model', 'use-cases', 'ui'],
	cli: ['model', 'cli'],
};

// What keeps the bookkeeping of a run: only the use cases (and the system itself) touch it.
const bookkeeping = ['system/apply-plan.js', 'system/journal.js', 'system/state.js'];

// The screens' folders (source/ui/<feature>/) and the shared parts they build on. The files at
// source/ui/ itself are the frame: App routes a command to a screen, AfterSetup routes between the
// screens after setup, and the providers hand the System, the use cases and the keys down.
const features = ['edit', 'home', 'status', 'undo', 'wizard'];
const shared = ['components', 'hooks'];
const uiFolder = (target: string): string | undefined => {
	const [top, folder, ...rest] = target.split(path.sep);
	return top === 'ui' && rest.length > 0 ? folder : undefined;
};

const ioImport = /from '(node:)?(fs|fs\/promises|child_process|net|http|https)'|from 'execa'/;

describe('layers', () => {
	it('each layer imports only the layers beneath it', async () => {
		const wrong = (await importGraph())
			.filter(edge => edge.targetLayer !== 'package')
			.filter(edge => !allowed[edge.layer].includes(edge.targetLayer as Layer))
			// A type from the system (System, Endpoints, ProbeResult…) names what a layer is handed.
			.filter(edge => !(edge.typeOnly && (edge.layer === 'ui' || edge.layer === 'commands') && edge.targetLayer === 'system' && !bookkeeping.includes(edge.target)))
			.map(edge => `${edge.from} imports ${edge.typeOnly ? 'types from ' : ''}${edge.target}`);
		expect(wrong).toEqual([]);
	});

	it('the graph is read: every layer is seen importing what it should', async () => {
		const graph = await importGraph();
		const seen = (from: Layer, to: Layer) => graph.some(edge => edge.layer === from && edge.targetLayer === to);
		expect(seen('ui', 'use-cases')).toBe(true);
		expect(seen('commands', 'use-cases')).toBe(true);
		expect(seen('use-cases', 'system')).toBe(true);
		expect(seen('system', 'model')).toBe(true);
	});

	it('screens and commands never touch a run’s bookkeeping: ApplyRun, the journal, the state store', async () => {
		const touching = (await importGraph())
			.filter(edge => (edge.layer === 'ui' || edge.layer === 'commands') && bookkeeping.includes(edge.target))
			.map(edge => `${edge.from} imports ${edge.target}`);
		expect(touching).toEqual([]);
		expect(await offenders('ui', /\bsystem\.state\b|\.state\.(saveAnswers|saveProgress|restore)\(/)).toEqual([]);
	});

	it('a screen’s folder imports shared parts (ui/components, ui/hooks), never another screen’s files or the frame', async () => {
		const graph = (await importGraph()).filter(edge => edge.layer === 'ui' && edge.targetLayer === 'ui');
		const wrong = graph
			.filter(edge => {
				const from = uiFolder(edge.from);
				const to = uiFolder(edge.target);
				if (from !== undefined && features.includes(from)) return !(to === from || (to !== undefined && shared.includes(to)));
				// Shared parts build on shared parts; of the frame they reach only the providers' contexts.
				if (from !== undefined && shared.includes(from)) return !((to !== undefined && shared.includes(to)) || /^ui\/\w+Provider\.js$/.test(edge.target));
				return false;
			})
			.map(edge => `${edge.from} imports ${edge.target}`);
		expect(wrong).toEqual([]);
		// Read, not assumed: every screen's folder is seen importing a shared part.
		for (const feature of features) expect(graph.some(edge => uiFolder(edge.from) === feature && shared.includes(uiFolder(edge.target) ?? ''))).toBe(true);
		for (const folder of [...features, ...shared]) expect(uiFolder(path.join('ui', folder, 'x.ts'))).toBe(folder);
	});

	// Ink's own rule: a component's file is named as it (StatusScreen.tsx), a hook's as it in
	// kebab-case (use-status-view.ts exports useStatusView), anything else in kebab-case; a file
	// exports what its name says, and a component or hook lives in the file named after it.
	it('screens are named by one rule: components PascalCase, hooks use-kebab, other modules kebab-case', async () => {
		const wrong: string[] = [];
		const camel = (kebab: string): string => kebab.replaceAll(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
		for (const file of await sourceFiles(path.join(source, 'ui'))) {
			const name = path.basename(file).replace(/\.tsx?$/, '');
			const where = path.relative(source, file);
			const text = await readFile(file, 'utf8');
			// Functions and constants: a class (LogBuffer, KeyRouter) is a plain module's, not a component.
			const exported = [...text.matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)].map(match => match[1] ?? '');
			const components = exported.filter(value => /^[A-Z]/.test(value) && !/Context$/.test(value));
			const hooks = exported.filter(value => /^use[A-Z]/.test(value));
			if (/^use(-[a-z0-9]+)+$/.test(name)) {
				if (!hooks.includes(camel(name))) wrong.push(`${where} does not export ${camel(name)}`);
			} else if (/^[A-Z][A-Za-z0-9]*$/.test(name)) {
				if (!components.includes(name)) wrong.push(`${where} does not export ${name}`);
			} else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) wrong.push(`${where} is named in neither PascalCase (a component) nor kebab-case`);
			for (const hook of hooks) if (hook !== camel(name)) wrong.push(`${where} exports the hook ${hook}, whose file would be use-${hook.slice(3).replaceAll(/[A-Z]/g, c => `-${c.toLowerCase()}`).slice(1)}.ts`);
			for (const component of components) {
				if (component !== name && !/^[A-Z]/.test(name)) wrong.push(`${where} exports the component ${component} from a file not named for a component`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('the model imports no I/O module', async () => {
		expect(await offenders('model', ioImport)).toEqual([]);
	});

	it('the model imports nothing from the system, the use cases, the commands or the screens, not even types', async () => {
		const upward = (await importGraph()).filter(edge => edge.layer === 'model' && edge.targetLayer !== 'model' && edge.targetLayer !== 'package');
		expect(upward.map(edge => `${edge.from} imports ${edge.target}`)).toEqual([]);
	});

	it('screens and commands take only the System type from the system: the events and values they show are the model’s', async () => {
		const systemTypes = (await importGraph())
			.filter(edge => (edge.layer === 'ui' || edge.layer === 'commands') && edge.targetLayer === 'system' && edge.target !== path.join('system', 'system.js'))
			.map(edge => `${edge.from} imports ${edge.target}`);
		expect(systemTypes).toEqual([]);
	});

	it('the model names a path of the machine only in the catalogue (settings, the installer’s settings, files)', async () => {
		const catalogue = ['settings.ts', 'repository-settings.ts', 'files.ts'].map(file => path.join('model', file));
		const paths = (await offenders('model', /['"`]\/(etc|var|usr|tmp|run|opt|srv|home|proc|sys|dev|boot|lib|sbin|bin)\b/)).filter(
			line => !catalogue.some(file => line.startsWith(`${file}:`)),
		);
		expect(paths).toEqual([]);
	});

	it('the command-line declaration and parser import no I/O and nothing above the model', async () => {
		expect(await offenders('cli', ioImport)).toEqual([]);
		expect(await offenders('cli', /from '\.\.\/(system|ui|commands)\//)).toEqual([]);
	});

	it('screens import no I/O module and write no console output', async () => {
		expect(await offenders('ui', ioImport)).toEqual([]);
		expect(await offenders('ui', /console\.(log|error|warn)/)).toEqual([]);
	});

	it('keys are read in one place, and no screen keeps a widget of its own state', async () => {
		const readers = (await offenders('ui', /\buseInput\b/)).filter(line => !line.startsWith(["ui", "components", "keys", ""].join(path.sep)));
		expect(readers).toEqual([]);
		expect(await offenders('.', /from 'ink-(text|select)-input'/)).toEqual([]);
	});

	it('no source file is over 250 lines: one job a file', async () => {
		const long: string[] = [];
		for (const file of await filesUnder(source)) {
			const lines = (await readFile(file, 'utf8')).split('\n').length - 1;
			if (lines > 250) long.push(`${path.relative(source, file)}: ${lines} lines`);
		}
		expect(long).toEqual([]);
	});

	it('no command goes through a shell string', async () => {
		expect(await offenders('.', /shell: *true|execaCommand|execSync/)).toEqual([]);
	});
});
