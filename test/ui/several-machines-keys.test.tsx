// Keys typed with the welcome's "Several machines" Enter, in the same read (fast typing, a paste, a
// slow SSH link), reach the machine list that replaces the wizard: the wizard's key handler still
// listened until React ran the list's effects, so such a key went to the wizard leaving and was lost
// (the tmux test of the machine list lost its first `a` on a busy machine). And back: Esc on the
// list goes back to the welcome, its cursor on "Several machines" (it ended the program, exit 0).
import {afterEach, describe, expect, it} from 'vitest';
import {readsKeys, waitForFrame} from '../helpers/ink-app.js';
import {keys} from '../helpers/keys.js';
import {type RenderedApp, renderWizard} from './render-wizard.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('keys while the welcome hands over to the machine list', () => {
	it('an `a` typed with the Enter opens a new machine in the list', async () => {
		app = await renderWizard();
		await waitForFrame(app, 'This machine or several machines?');
		await readsKeys(app);
		app.stdin.write(keys.down);
		await waitForFrame(app, '❯ Several machines');
		app.stdin.write(`${keys.enter}a`);
		const form = await waitForFrame(app, 'A new machine');
		expect(form).toContain('Address: ');
	});

	it('Esc on the machine list goes back to the welcome, "Several machines" under the cursor, without ending the program', async () => {
		app = await renderWizard();
		await waitForFrame(app, 'This machine or several machines?');
		await readsKeys(app);
		app.stdin.write(keys.down);
		await waitForFrame(app, '❯ Several machines');
		app.stdin.write(keys.enter);
		await waitForFrame(app, 'Several machines: list them');
		app.stdin.write(keys.escape);
		const welcome = await waitForFrame(app, 'This machine or several machines?');
		expect(welcome).toContain('❯ Several machines');
		expect(app.exitCode()).toBeUndefined();
		// And Enter opens the list again.
		app.stdin.write(keys.enter);
		await waitForFrame(app, 'Several machines: list them');
		expect(app.exitCode()).toBeUndefined();
	});
});
