// A page's actions with what became of each: waiting, running (spinner), or the outcome. An
// outcome's message says why (a check's finding, why a step was skipped), so it wraps under the
// title; only when the rows given cannot hold that are the plain outcomes cut to one row each, and
// when even that is too many, the passed ones are folded into one wrapped paragraph that counts
// and names them, so warnings and failures stay whole and nothing is cut.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import {type ActionView, outcomeLook, type RunView} from '../components/run/run-view.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';

type Props = {
	view: RunView;
	width: number;
	// Rows the list may use; without it every message wraps.
	rows?: number;
};

// An outcome that starts with the action's title (a check's `title: finding`, a skip's `title
// (why)`) adds only what follows it; the title is shown once.
function messageOf(item: ActionView): string {
	const {message} = item;
	if (!message || item.state === 'running') return '';
	if (message.startsWith(item.action.title)) return message.slice(item.action.title.length);
	return `: ${message}`;
}

// Warnings and failures keep their whole message longest.
const mustWrap = (item: ActionView): boolean => item.state === 'warned' || item.state === 'failed';

// Each item's rows: wrapped where `rows` allows, else cut to one (plain outcomes first).
export function actionRows(view: RunView, width: number, rows = Number.POSITIVE_INFINITY): string[][] {
	const text = (item: ActionView): string => `${item.action.title}${messageOf(item)}`;
	const wrapped = view.actions.map(item => wrapRows(text(item), width - 2, ''));
	const count = (lists: string[][]): number => lists.reduce((sum, list) => sum + list.length, 0);
	if (count(wrapped) <= rows) return wrapped;
	const some = view.actions.map((item, index) => (mustWrap(item) ? (wrapped[index] ?? []) : [text(item)]));
	if (count(some) <= rows) return some;
	const passed = view.actions.filter(item => item.state === 'passed');

	const folded = view.actions.map((item, index) => {
		if (item.state !== 'passed') return some[index] ?? [];
		return item === passed[0] ? wrapRows(`${passed.length} passed: ${passed.map(one => one.action.title).join(' · ')}`, width - 2, '') : [];
	});
	if (passed.length > 1 && count(folded) <= rows) return folded;
	return view.actions.map(item => [text(item)]);
}

export function ActionList({view, width, rows}: Props) {
	const items = actionRows(view, width, rows);
	return (
		<Box flexDirection="column">
			{view.actions.map((item, index) => {
				const look = outcomeLook[item.state];
				const shown = items[index] ?? [];
				// A passed outcome folded into the row that counts them.
				if (shown.length === 0) return null;
				const [first = '', ...rest] = shown;
				const title = item.action.title;
				const titled = first.startsWith(title);
				return (
					<Box key={index} flexDirection="column">
						<Text wrap="truncate-end" dimColor={item.state === 'waiting'}>
							<Text color={look.color}>{item.state === 'running' ? <Spinner type="dots" /> : look.mark}</Text> {titled ? title : first}
							{titled ? <Text dimColor>{first.slice(title.length)}</Text> : null}
						</Text>
						{rest.map((row, line) => (
							<Text key={line} dimColor wrap="truncate-end">
								{'  '}
								{row}
							</Text>
						))}
					</Box>
				);
			})}
		</Box>
	);
}
