// The step list beside every screen: the pages by their group (the question pages are one entry,
// Settings), so the header's count is the list's.
import {activeMode, type WizardState} from '../../model/wizard-state.js';
import type {Page} from '../../model/wizard-pages.js';
import type {StepItem, StepState} from '../components/step-list/StepList.js';

export function stepItems(state: WizardState, pages: readonly Page[], current: number): StepItem[] {
	const groups: {title: string; members: number[]}[] = [];
	pages.forEach((page, index) => {
		const title = page.group;
		const last = groups.at(-1);
		if (last && last.title === title) last.members.push(index);
		else groups.push({title, members: [index]});
	});
	return groups.map(({title, members}) => {
		const here = members.includes(current);
		const marks = members.map(index => state.marks[pages[index]?.id ?? '']);
		let itemState: StepState;
		if (here) itemState = activeMode(state).kind === 'failed' ? 'failed' : 'current';
		else if (marks.includes('skipped')) itemState = 'skipped';
		else if (marks.every(mark => mark === 'earlier')) itemState = 'earlier';
		else if (marks.every(mark => mark !== undefined) || (members.at(-1) ?? 0) < current) itemState = 'done';
		else itemState = 'next';
		// The question pages of Settings, counted as the page's own heading counts them.
		const asked = members.filter(index => pages[index]?.kind === 'questions');
		const detail = here && asked.includes(current) ? `page ${asked.indexOf(current) + 1} of ${asked.length}` : undefined;
		return {title, state: itemState, ...(detail ? {detail} : {})};
	});
}
