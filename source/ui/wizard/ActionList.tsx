// A page's actions with what became of each: waiting, running (spinner), or the outcome. An
// outcome's message says why (a check's finding, why a step was skipped), so it wraps under the
// title; where the rows given cannot hold that, the passed ones fold into one paragraph first, so
// warnings and failures stay whole while folding can make room (actionRows); where even that is
// too tall (many ports held on a small terminal), the list scrolls, whole, from `offset`.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import React from 'react';
import {type ActionView, outcomeLook, type RunView} from '../components/run/run-view.js';
import {MoreRow} from '../components/scroll/MoreRow.js';
import {type ScrollLimit, scrollWindow} from '../components/scroll/scroll-window.js';
import {wrapRows} from '../components/wrapped-text/text-rows.js';

type Props = {
	view: RunView;
	width: number;
	// Rows the list may use; without it every message wraps.
	rows?: number;
	// Where a list too tall for its rows starts, and where it says how far it scrolls; or the action
	// kept in view (the one running, while no key may scroll it).
	offset?: number;
	follow?: number;
	limit?: ScrollLimit;
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

// Whether the passed ones fold, decided by the rows given and the number of actions alone, never
// by which have finished: a list streaming in keeps one form. Room for two rows each (a title and
// a finding or warning wrapped under it), or they fold.
export const foldsPassed = (view: RunView, rows: number): boolean => view.actions.length * 2 > rows;

// Each item's rows, the first way that fits the rows given, in the form foldsPassed chose: every
// message wrapped, then the plain outcomes cut to one row; or the passed ones folded into one
// wrapped paragraph that names them with their findings, then by title only (the rest still
// whole, then cut to one row). None fits: the first, everything whole, which the list scrolls.
export function actionRows(view: RunView, width: number, rows = Number.POSITIVE_INFINITY): string[][] {
	const text = (item: ActionView): string => `${item.action.title}${messageOf(item)}`;
	const title = (item: ActionView): string => item.action.title;
	const wrapped = view.actions.map(item => wrapRows(text(item), width - 2, ''));
	const some = view.actions.map((item, index) => (mustWrap(item) ? (wrapped[index] ?? []) : [text(item)]));
	const passed = view.actions.filter(item => item.state === 'passed');
	const folded = (said: (item: ActionView) => string, others: string[][]): string[][] =>
		view.actions.map((item, index) => {
			if (item.state !== 'passed') return others[index] ?? [];
			return item === passed[0] ? wrapRows(`${passed.length} passed: ${passed.map(said).join(' · ')}`, width - 2, '') : [];
		});
	const ways = foldsPassed(view, rows) ? [folded(text, wrapped), folded(title, wrapped), folded(title, some)] : [wrapped, some];
	const count = (lists: string[][]): number => lists.reduce((sum, list) => sum + list.length, 0);
	return ways.find(way => count(way) <= rows) ?? (ways[0] as string[][]);
}

type Row = {item: ActionView; text: string; first: boolean};

function ActionRow({row: {item, text, first}}: {row: Row}) {
	const look = outcomeLook[item.state];
	if (!first) {
		return (
			<Text dimColor wrap="truncate-end">
				{'  '}
				{text}
			</Text>
		);
	}
	const title = item.action.title;
	const titled = text.startsWith(title);
	return (
		<Text wrap="truncate-end" dimColor={item.state === 'waiting'}>
			<Text color={look.color}>{item.state === 'running' ? <Spinner type="dots" /> : look.mark}</Text> {titled ? title : text}
			{titled ? <Text dimColor>{text.slice(title.length)}</Text> : null}
		</Text>
	);
}

export function ActionList({view, width, rows, offset = 0, follow, limit}: Props) {
	const items = actionRows(view, width, rows);
	// A passed outcome folded into the row that counts them has no rows of its own.
	const all = view.actions.flatMap((item, index) => (items[index] ?? []).map((text, line): Row => ({item, text, first: line === 0})));
	const height = rows ?? all.length;
	// The followed action a few rows from the bottom, the ones before it above.
	const followed = follow === undefined ? offset : all.findIndex(row => row.first && row.item === view.actions[follow]) - Math.max(0, height - 4);
	const shown = scrollWindow(all.length, height, followed);
	if (limit) limit.current = shown.max;
	return (
		<Box flexDirection="column">
			<MoreRow at="above" count={shown.above} word="row" scrolls />
			{all.slice(shown.start, shown.start + shown.visible).map((row, index) => (
				<ActionRow key={shown.start + index} row={row} />
			))}
			<MoreRow at="below" count={shown.below} word="row" scrolls />
		</Box>
	);
}
