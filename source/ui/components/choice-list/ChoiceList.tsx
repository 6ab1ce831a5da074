// A list to choose from, with the highlighted row marked ❯. Render only: the screen's reducer
// holds which row is highlighted, and its key handler moves it. A long list shows `limit` rows.
import {Box, Text} from 'ink';
import React, {type ReactNode} from 'react';
import {choiceWindow} from './choice-window.js';

export type Choice<Value extends string> = {value: Value; label: string};

type Props<Item extends Choice<string>> = {
	items: readonly Item[];
	selected: number;
	limit?: number;
	// Draws one row (the default: the label, in blue when highlighted).
	renderItem?: (item: Item, selected: boolean, index: number) => ReactNode;
};

export function ChoiceList<Item extends Choice<string>>({items, selected, limit = items.length, renderItem}: Props<Item>) {
	const {start, end} = choiceWindow(items.length, selected, Math.max(1, limit));
	return (
		<Box flexDirection="column">
			{items.slice(start, end).map((item, offset) => {
				const index = start + offset;
				const isSelected = index === selected;
				return (
					<Box key={item.value}>
						{renderItem ? (
							renderItem(item, isSelected, index)
						) : (
							<Text {...(isSelected ? {color: 'blue'} : {})}>
								{isSelected ? '❯ ' : '  '}
								{item.label}
							</Text>
						)}
					</Box>
				);
			})}
		</Box>
	);
}
