// One function decides which settings `edit` changes on this machine: the edit list shows exactly
// those, and `edit` refuses every other one with its reason.
import {describe, expect, it} from 'vitest';
import {resolveValues} from '../../source/model/answers.js';
import {editableSettings, editRefusal} from '../../source/model/editable-settings.js';
import {settingIds} from '../../source/model/settings.js';

const valuesOf = (answers: Record<string, string>) => resolveValues(answers);

describe('the settings edit changes', () => {
	it('are every setting but the role, other sources’ and other roles’ ones; each other one has a reason', () => {
		for (const role of ['master+agent', 'master', 'agent']) {
			for (const source of ['article', 'apt', 'folder']) {
				const values = valuesOf({'node.role': role, 'repo.source': source});
				const editable = editableSettings(values);
				expect(editable).not.toContain('node.role');
				expect(editable).toContain('repo.source');
				for (const id of settingIds.filter(id => !editable.includes(id))) expect(editRefusal(id, values)).toMatch(/\S/);
			}
		}
	});

	it('keeps to the source: a folder’s machine edits repo.folder, not repo.url; an article machine the reverse', () => {
		const folder = editableSettings(valuesOf({'repo.source': 'folder'}));
		expect(folder.filter(id => id.startsWith('repo.'))).toEqual(['repo.source', 'repo.folder']);
		const article = editableSettings(valuesOf({}));
		expect(article.filter(id => id.startsWith('repo.'))).toEqual(['repo.source', 'repo.url', 'repo.keyserver', 'repo.key', 'repo.keyMethod']);
		expect(editRefusal('repo.folder', valuesOf({}))).toBe(
			"repo.folder is not read by this machine's package source (repo.source is article, which reads repo.keyserver, repo.key, repo.keyMethod, repo.url); to change the source, give both: mesos-setup edit repo.source SOURCE --set repo.folder=VALUE.",
		);
	});

	it('keeps to the role: an agent edits the agent’s settings, not the master’s', () => {
		const agent = editableSettings(valuesOf({'node.role': 'agent'}));
		expect(agent).toContain('slave.hostname');
		expect(agent).toContain('mesos.zk');
		expect(agent.filter(id => id.startsWith('master.') || id.startsWith('zookeeper.') || id.startsWith('marathon.'))).toEqual([]);
	});
});
