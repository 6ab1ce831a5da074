// Where the person is in a long job: steps done, the current one, and those still to come.
import {Box, Text} from 'ink';
import React from 'react';

export type StepState = 'done' | 'current' | 'next' | 'skipped' | 'failed' | 'earlier';

export type StepItem = {title: string; state: StepState; detail?: string};

const marks: Record<StepState, {mark: string; color?: string}> = {
	done: {mark: '✔', color: 'green'},
	// Done by a run that was stopped and is now continued.
	earlier: {mark: '✔', color: 'gray'},
	current: {mark: '▸', color: 'cyan'},
	next: {mark: '·'},
	skipped: {mark: '–', color: 'yellow'},
	failed: {mark: '✖', color: 'red'},
};

export function StepList({items, width}: {items: readonly StepItem[]; width: number}) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{items.map(item => {
				const {mark, color} = marks[item.state];
				return (
					<Box key={item.title} flexDirection="column">
						<Text wrap="truncate-end" color={color} dimColor={item.state === 'next'} bold={item.state === 'current'}>
							{mark} {item.title}
						</Text>
						{item.state === 'skipped' ? (
							<Text color="yellow" dimColor>
								{'  '}skipped
							</Text>
						) : null}
						{item.detail ? (
							<Text wrap="truncate-end" dimColor>
								{'  '}
								{item.detail}
							</Text>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}
