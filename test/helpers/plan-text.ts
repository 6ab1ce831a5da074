// A plan as text for golden files: every step's checks, commands and files' whole contents.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {expect} from 'vitest';
import {newContent} from '../../source/model/file-content.js';
import type {Action, Plan} from '../../source/model/plan.js';

function line(action: Action): string {
	switch (action.kind) {
		case 'check':
			return `check  ${action.title}${action.check.kind === 'source-index' ? `   (${action.check.dists}, ${action.check.component})` : ''}`;
		case 'import-key':
			return `key    ${action.title} → ${action.keyring}${action.fingerprint === '' ? '   (not pinned: shown, not trusted)' : ''}`;
		case 'run':
			return `run    ${action.argv.join(' ')}`;
		case 'service':
			return `start  ${action.argv.join(' ')}   (probe ${action.probe.kind === 'http' ? action.probe.url : `${action.probe.host}:${action.probe.port}`})`;
		case 'file':
			return `write  ${action.path}\n${(newContent(action.edit, undefined) ?? '').replace(/^/gm, '       | ')}`;
		case 'local-repository':
			return `index  ${action.folder} into ${action.path}`;
	}
}

export const planText = (plan: Plan): string => plan.steps.map(step => `== ${step.title}: ${step.summary}\n${step.actions.map(line).join('\n')}\n`).join('');

// UPDATE_GOLDEN=1 writes the file instead of comparing.
export async function golden(dir: string, name: string, text: string): Promise<void> {
	const file = `${dir}${name}`;
	if (process.env.UPDATE_GOLDEN === '1') {
		await mkdir(dir, {recursive: true});
		await writeFile(file, text);
	}
	expect(text).toBe(await readFile(file, 'utf8'));
}
